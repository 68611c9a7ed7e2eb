def it = evaluate(new File(support, 'it.groovy'))

try {
    def log = it.log()
    assert log.contains('20260102090000_create_b.sql:4')
    assert log.contains('20260103090000_create_c.sql:3')
    // the database is exactly as before: not even the history table was created
    assert it.tables(it.pgUrl('migrate_it_broken')) == []
} finally {
    it.pgDrop('migrate_it_broken')
}
