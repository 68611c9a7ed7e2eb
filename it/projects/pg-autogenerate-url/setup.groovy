def it = evaluate(new File(support, 'it.groovy'))
it.pgRecreate('migrate_it_autogen')
it.pgRecreate('migrate_it_autogen_dev')
// the developer's database: the revision's table, then changes tried by hand
def c = it.connect(it.pgUrl('migrate_it_autogen_dev'))
try {
    c.createStatement().execute('''
        CREATE TYPE book_status AS ENUM ('draft', 'published');
        CREATE TABLE books (id bigserial PRIMARY KEY, title text NOT NULL,
            status book_status NOT NULL DEFAULT 'draft');
        CREATE INDEX ix_books_title ON books (lower(title)) WHERE status = 'published';
        COMMENT ON COLUMN books.status IS 'Only published books are listed';
    ''')
} finally {
    c.close()
}
return true
