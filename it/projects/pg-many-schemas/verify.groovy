def it = evaluate(new File(support, 'it.groovy'))

try {
    it.logContainsInOrder('migrate:upgrade on 20 databases, 4 at a time')
    def log = it.log()
    // every tenant's lines carry its name; the failing one says why
    assert log.contains('[tenant_01] [1/3] upgrade   20260101090000 (create customers)')
    assert log.contains('[tenant_13] migrate:upgrade failed: revision 20260102090000 (create orders) failed')
    assert log.contains('relation "orders" already exists')
    // the table: one row per tenant, the failing one marked
    assert log =~ /database\s+from\s+to\s+revisions\s+time\s+status/
    assert log =~ /tenant_13\s+base\s+20260101090000\s+1\s+[\d.]+ s\s+FAILED/
    (1..20).findAll { it != 13 }.each { i ->
        assert log =~ /tenant_${String.format('%02d', i)}\s+base\s+20260103090000\s+3\s+[\d.]+ s\s+ok/
    }
    assert log.contains('migrate:upgrade failed on 1 of 20 databases: tenant_13')
    def url = it.pgUrl('migrate_it_schemas')
    (1..20).each { i ->
        def schema = String.format('tenant_%02d', i)
        def applied = it.column(url, "SELECT revision FROM ${schema}.migrate_history ORDER BY 1")
        assert applied == (i == 13 ? ['20260101090000'] : ['20260101090000', '20260102090000', '20260103090000'])
    }
    assert it.column(url, "SELECT obj_description('tenant_07.customers'::regclass)") == ['customers of tenant tenant_07']
} finally {
    it.pgDrop('migrate_it_schemas')
}
