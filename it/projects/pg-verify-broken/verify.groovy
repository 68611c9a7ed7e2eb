def it = evaluate(new File(support, 'it.groovy'))

try {
    it.logContainsInOrder(
        '[ERROR] downgrade of 20260103090000_add_book_price leaves index ix_books_price on table books',
        'BUILD FAILURE',
        'migrate:verify found ',
        'downgrade of 20260103090000_add_book_price leaves index ix_books_price on table books')
    assert it.tables(it.pgUrl('migrate_it_verify_broken')) == []
    // the temporary database is dropped although verify failed
    def scratch = (it.log() =~ /migrate_verify_[a-z0-9_]+/)[0]
    assert it.column(it.pgAdminUrl(), "SELECT datname FROM pg_database WHERE datname = '${scratch}'") == []
    def report = new File(basedir, 'target/migrate-reports/TEST-migrate-verify.xml').getText('UTF-8')
    assert report.contains('name="downgrade restores the schema"') && report.contains('leaves index ix_books_price on table books</failure>')
} finally {
    it.pgDrop('migrate_it_verify_broken')
}
