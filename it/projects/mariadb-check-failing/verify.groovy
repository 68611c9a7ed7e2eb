def it = evaluate(new File(support, 'it.groovy'))

try {
    it.logContainsInOrder(
        'Comparing the database with its 1 applied revision(s)',
        'column books.note was added outside the revisions',
        'index ix_books_title on table books was removed outside the revisions',
        'check: 1 comparison(s), 2 difference(s)',
        'BUILD FAILURE',
        'migrate:check found 2 difference(s)')
    def report = new File(basedir, 'target/migrate-reports/TEST-migrate-check.xml').getText('UTF-8')
    assert report.contains('failures="1"') && report.contains('column books.note')
    // check only read the database
    assert it.column(it.mariadbUrl('migrate_it_maria_check'), "SELECT column_name FROM information_schema.columns"
            + " WHERE table_schema = DATABASE() AND table_name = 'books' ORDER BY ordinal_position") == ['id', 'title', 'note']
} finally {
    it.mariadbDrop('migrate_it_maria_check')
}
