def it = evaluate(new File(support, 'it.groovy'))

try {
    it.logContainsInOrder(
        'upgrade   20260101090000 (create a)',
        'upgrade   20260102090000 (create b)',
        'revision 20260103090000 (create c) failed: upgrade statement 3 of 3 at ',
        '20260103090000_create_c.sql:7',
        'SQL state 23505',
        'rolled back')
    def url = it.pgUrl('migrate_it_failing')
    // revisions 1-2 applied, 3 fully rolled back (no table c, no row), 4-5 never ran
    assert it.tables(url) == ['a', 'b', 'migrate_history']
    assert it.column(url, 'SELECT revision FROM migrate_history ORDER BY revision') == ['20260101090000', '20260102090000']
} finally {
    it.pgDrop('migrate_it_failing')
}
