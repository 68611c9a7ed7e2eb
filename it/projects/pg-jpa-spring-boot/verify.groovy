def it = evaluate(new File(support, 'it.groovy'))

try {
    def folder = new File(basedir, 'src/main/migrations')
    def written = folder.listFiles().findAll { it.name ==~ /\d{14}_accounts\.sql/ }
    assert written.size() == 1 : "expected one written revision, found ${folder.list()}"
    def text = written[0].getText('UTF-8')
    // Spring Boot's physical naming: snake case
    assert text.contains('CREATE TABLE customer_account (')
    assert text.contains('display_name character varying(255) NOT NULL')
    // Spring Boot's implicit naming: join table after the owning table and the property
    assert text.contains('CREATE TABLE customer_account_favourite_tags (')
    // the command line's 'standard' over application.yml's 'single': a sequence per entity
    assert text.contains('CREATE SEQUENCE customer_account_seq')
    assert !text.contains('hibernate_sequence')

    it.logContainsInOrder(
        'Reading 2 entity class(es) with Hibernate ORM 6.6.5.Final for PostgreSQL 15',
        'Created revision ' + written[0].absolutePath,
        'Upgraded 1 revision',
        'check: 2 comparison(s), 0 difference(s)',
        'BUILD SUCCESS')
    assert it.tables(it.pgUrl('migrate_it_jpa_boot')).containsAll(['customer_account', 'customer_account_favourite_tags', 'tag'])
} finally {
    // the scenario's database is dropped whatever the checks found
    it.pgDrop('migrate_it_jpa_boot')
}
