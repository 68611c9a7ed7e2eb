def it = evaluate(new File(support, 'it.groovy'))

try {
    def folder = new File(basedir, 'src/main/migrations')
    def written = folder.listFiles().findAll { it.name ==~ /\d{14}_members_and_loans\.sql/ }
    assert written.size() == 1 : "expected one written revision, found ${folder.list()}"
    def text = written[0].getText('UTF-8')
    assert text.startsWith('-- parents: 20260101090000\n-- message: members and loans\n')
    assert text.contains('CREATE TABLE member (')
    assert text.contains('CREATE TABLE loan (')
    // the revisions' view and function are theirs: never dropped for the entities
    assert !text.contains('book_titles')
    assert !text.contains('title_count')
    // the POM's hibernate.id.db_structure_naming_strategy=single: no sequence per entity, and the
    // revisions' hibernate_sequence already is the one Hibernate wants
    assert !text.contains('member_seq')
    assert !text.contains('hibernate_sequence')

    it.logContainsInOrder(
        'Reading the persistence unit(s) library of',
        'with Hibernate ORM 7.2.19.Final for PostgreSQL 15',
        'Created revision ' + written[0].absolutePath,
        'Upgraded 2 revisions',
        'check: 2 comparison(s), 0 difference(s)',
        'BUILD SUCCESS')
    assert it.tables(it.pgUrl('migrate_it_jpa7')).containsAll(['book', 'loan', 'member', 'migrate_history'])
} finally {
    // the scenario's database is dropped whatever the checks found
    it.pgDrop('migrate_it_jpa7')
}
