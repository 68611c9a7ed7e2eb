import dev.migrate.sql.StatementSplitter
import dev.migrate.database.Dialects

def it = evaluate(new File(support, 'it.groovy'))

def up = new File(basedir, 'target/migrate/upgrade-base-to-head.sql')
def down = new File(basedir, 'target/migrate/downgrade-heads-to-base.sql')
assert up.isFile() && down.isFile()
it.logContainsInOrder(
    'Wrote upgrade from base to head (6 revisions, PostgreSQL) to ' + up.absolutePath,
    'Wrote downgrade from heads to base (6 revisions, PostgreSQL) to ' + down.absolutePath)

def text = up.getText('UTF-8')
assert text.contains('CREATE TABLE IF NOT EXISTS migrate_history (')
assert text.contains("BEGIN;\nCREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);\nINSERT INTO migrate_history")
assert text.contains("-- transactional: false: no BEGIN/COMMIT, each statement commits on its own\nCREATE INDEX CONCURRENTLY ix_books_title ON books (title);\n")
assert text.contains("'index book''s titles'")

/** Runs a script as a client would: split like psql, one statement at a time, autocommit on. */
def run = { String url, File script ->
    def c = it.connect(url)
    try {
        def jdbc = c.createStatement()
        StatementSplitter.split(script.getText('UTF-8'), 1, Dialects.forUrl('jdbc:postgresql:').syntax()).each { jdbc.execute(it.sql()) }
    } finally { c.close() }
}

it.pgRecreate('migrate_it_offline')
try {
    def url = it.pgUrl('migrate_it_offline')
    run(url, up)
    assert it.tables(url) == ['authors', 'books', 'migrate_history', 'reviews']
    assert it.column(url, "SELECT indexname FROM pg_indexes WHERE tablename = 'books' ORDER BY 1") == ['books_pkey', 'ix_books_title']
    assert it.column(url, 'SELECT revision || \' \' || parents || \' \' || state FROM migrate_history ORDER BY revision') == [
        '20260101090000  applied',
        '20260102090000 20260101090000 applied',
        '20260103090000 20260101090000 applied',
        '20260104090000 20260102090000,20260103090000 applied',
        '20260105090000 20260104090000 applied',
        '20260106090000 20260105090000 applied']
    assert it.column(url, 'SELECT name FROM authors') == ['Ursula K. Le Guin']

    run(url, down)
    assert it.tables(url) == ['migrate_history']
    assert it.column(url, 'SELECT COUNT(*) FROM migrate_history') == ['0']
} finally {
    it.pgDrop('migrate_it_offline')
}
