def it = evaluate(new File(support, 'it.groovy'))

try {
    it.logContainsInOrder(
        // 1: the failure names the revision, the file and line, what stayed applied and the way out
        'BUILD FAILURE',
        'revision 20260102090000 (accounts) failed: upgrade statement 5 of 6 at ',
        '20260102090000_accounts.sql:9',
        "Table 'migrate_it_maria_resume_${it.mariadbRun}.acounts' doesn't exist",
        'the statements before it (lines 5, 6, 7, 8) stayed applied',
        '-Dmigrate.resume=true',
        // 2: the history and the current state show it stopped halfway
        '[!] 20260102090000  parents: 20260101090000  accounts',
        '[!] stopped halfway',
        'FAILED: upgrade of 20260102090000 stopped after 4 statement(s) at 20260102090000_accounts.sql:9',
        'BUILD SUCCESS',
        // 3: nothing runs past it without the resume
        'BUILD FAILURE',
        'upgrade stopped after 4 statement(s)',
        // 4: the resume runs what is left of the fixed file, then the rest
        'resuming failed up of 20260102090000 (accounts) after 4 completed statement(s)',
        'at statement 5 of 6 (',
        'src/fixed/20260102090000_accounts.sql:9)',
        'upgrade   20260103090000 (transfers)',
        'Upgraded 2 revisions',
        'BUILD SUCCESS')
    def url = it.mariadbUrl('migrate_it_maria_resume')
    // every statement ran once: the rows the revisions insert, each one time
    assert it.column(url, 'SELECT CONCAT(n, \' \', what) FROM events ORDER BY n') ==
            ['1 accounts created', '2 balance added', '3 name indexed', '4 transfers created']
    assert it.column(url, "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
            + " AND table_name = 'accounts' ORDER BY ordinal_position") == ['id', 'name', 'balance']
    assert it.column(url, "SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
            + " AND table_name = 'accounts' ORDER BY 1") == ['ix_accounts_name', 'PRIMARY']
    assert it.tables(url) == ['accounts', 'events', 'migrate_history', 'transfers']
    assert it.column(url, 'SELECT CONCAT(revision, \' \', state) FROM migrate_history ORDER BY revision') ==
            ['20260101090000 applied', '20260102090000 applied', '20260103090000 applied']
} finally {
    it.mariadbDrop('migrate_it_maria_resume')
}
