def it = evaluate(new File(support, 'it.groovy'))

try {
    def folder = new File(basedir, 'src/main/migrations')
    def written = folder.listFiles().findAll { it.name ==~ /\d{14}_add_orders\.sql/ }
    assert written.size() == 1 : "expected one written revision, found ${folder.list()}"
    assert folder.list().size() == 2 : "the second autogenerate wrote a file: ${folder.list()}"
    def text = written[0].getText('UTF-8')
    assert text.startsWith('-- parents: 20260101090000\n')
    assert text.contains('CREATE TABLE orders (')
    assert text.contains('fk_orders_customer')
    assert text.contains('ix_orders_placed')
    assert text =~ /(?i)ALTER TABLE customers ADD COLUMN email/
    assert !text.contains('TODO')

    it.logContainsInOrder(
        'Building the desired schema from',
        'Created revision ' + written[0].absolutePath,
        'Upgraded 2 revisions',
        'check: 2 comparison(s), 0 difference(s)',
        'BUILD SUCCESS',
        'no revision written')
    def url = it.mariadbUrl('migrate_it_maria_autogen')
    assert it.tables(url) == ['customers', 'migrate_history', 'orders']
    assert it.column(url, "SELECT column_comment FROM information_schema.columns WHERE table_schema = DATABASE()"
            + " AND table_name = 'customers' AND column_name = 'email'") == ['where invoices go']
    // the temporary databases autogenerate and check made are gone
    def scratch = (it.log() =~ /temporary database (migrate_verify_[a-z0-9_]+)/).collect { it[1] }.unique()
    assert scratch.size() == 6
    assert it.column(it.mariadbAdminUrl(), "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name IN ("
            + scratch.collect { "'${it}'" }.join(', ') + ")") == ['0']
} finally {
    it.mariadbDrop('migrate_it_maria_autogen')
}
