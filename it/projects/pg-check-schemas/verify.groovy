def it = evaluate(new File(support, 'it.groovy'))

try {
    def log = it.log()
    // migrate.schema=t1: the other tenants and the billing schema are not differences
    it.logContainsInOrder("Comparing the database's schema t1 with its 1 applied revision(s)",
            'check: 1 comparison(s), 0 difference(s)')
    assert !log.contains('was added outside the revisions: schema')
    assert !log.contains('schema billing was added outside the revisions')
    assert !log.contains('schema t2 was added outside the revisions')
    // migrate.schemas=t1,t2,t3: each tenant on its own (${migrate:schema} replaced), one summary, t2 fails
    it.logContainsInOrder('migrate:check on 3 databases, 1 at a time',
            '[t2] table t2.audit was added outside the revisions',
            'migrate:check failed on 1 of 3 databases: t2')
    assert log =~ /t1\s+20260101090000\s+20260101090000\s+0\s+[\d.]+ s\s+ok/
    assert log =~ /t3\s+20260101090000\s+20260101090000\s+0\s+[\d.]+ s\s+ok/
    assert !log.contains('${migrate:schema} in the upgrade section has no value')
    assert new File(basedir, 'target/migrate-reports').list().findAll { it.contains('_t') }.size() == 3
} finally {
    it.pgDrop('migrate_it_check_schemas')
}
