def it = evaluate(new File(support, 'it.groovy'))

try {
    def folder = new File(basedir, 'src/main/migrations')
    def written = folder.listFiles().findAll { it.name ==~ /\d{14}_status_and_index\.sql/ }
    assert written.size() == 1 : "expected one written revision, found ${folder.list()}"
    def text = written[0].getText('UTF-8')
    assert text.contains("CREATE TYPE book_status AS ENUM ('draft', 'published');")
    assert text.contains("ALTER TABLE books ADD COLUMN status book_status DEFAULT 'draft'::book_status NOT NULL;")
    assert text.contains('CREATE INDEX ix_books_title ON public.books USING btree (lower(title))')
    assert text.contains("COMMENT ON COLUMN books.status IS 'Only published books are listed';")
    assert text.contains('DROP TYPE book_status;')
    assert !text.contains('TODO')
    it.logContainsInOrder(
        'Building the head of 1 revision(s) in temporary database migrate_verify_',
        'Created revision ' + written[0].absolutePath,
        'Upgraded 2 revisions',
        'check: 2 comparison(s), 0 difference(s)',
        'BUILD SUCCESS')
    // the developer's database was only read
    assert it.tables(it.pgUrl('migrate_it_autogen_dev')) == ['books']
    assert it.column(it.pgUrl('migrate_it_autogen'), 'SELECT status FROM books') == []
} finally {
    it.pgDrop('migrate_it_autogen')
    it.pgDrop('migrate_it_autogen_dev')
}
