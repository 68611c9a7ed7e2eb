def it = evaluate(new File(support, 'it.groovy'))

try {
    it.logContainsInOrder(
        'Verifying 3 revisions in temporary database migrate_verify_',
        '20260102090000_create_books',
        'full cycle',
        // verify runs lint too: the index on an existing table is built without CONCURRENTLY
        'warning [index-without-concurrently] CREATE INDEX on books',
        // with 3 generated rows per table, the locks the upgrades take on existing tables, measured
        'upgrade of 20260102090000_create_books at ',
        'takes SHARE ROW EXCLUSIVE on table public.authors (3 rows)',
        'takes SHARE on table public.books (3 rows)',
        ': 0 errors, 4 warnings (of which synthetic rows ',
        'lock sampling ',
        'BUILD SUCCESS')
    // verify ran in its own temporary database: the configured one is untouched, the temporary one gone
    assert it.tables(it.pgUrl('migrate_it_verify_good')) == []
    def scratch = (it.log() =~ /migrate_verify_[a-z0-9_]+/)[0]
    assert it.column(it.pgAdminUrl(), "SELECT datname FROM pg_database WHERE datname = '${scratch}'") == []
    assert new File(basedir, 'target/migrate-reports/TEST-migrate-verify.xml').getText('UTF-8').contains('failures="0"')
} finally {
    it.pgDrop('migrate_it_verify_good')
}
