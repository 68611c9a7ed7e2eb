def it = evaluate(new File(support, 'it.groovy'))

try {
    it.logContainsInOrder(
        'Database: jdbc:postgresql://',
        'upgrade   20260102090000 (create books)',
        'validate (default-cli)',
        'Valid; current: 20260102090000 (create books)',
        'Valid; current: 1 revision pending',
        'BUILD SUCCESS',
        'validate (fail-on-pending)',
        'BUILD FAILURE',
        '1 revision is not applied yet: 20260103090000 (add book price). Run mvn migrate:upgrade',
        'upgrade   20260103090000 (add book price)',
        'validate (edited)',
        'BUILD FAILURE',
        'the upgrade section of 1 applied revision was edited after it ran (nothing was run):',
        '20260102090000 (create books): ',
        'edited/20260102090000_create_books.sql',
        'repair (edited)',
        're-recorded the checksums of 20260102090000 (create books)',
        're-recorded the checksums of 20260103090000 (add book price)',
        'Re-recorded the checksums of 2 revisions',
        'validate (edited)',
        'Valid; current: 20260103090000 (add book price) (head)',
        'BUILD SUCCESS')
    def url = it.pgUrl('migrate_it_repair')
    // validate and repair ran no statement: the schema is what the two upgrades made
    assert it.tables(url) == ['authors', 'books', 'migrate_history']
    assert it.column(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'books'"
            + ' ORDER BY ordinal_position') == ['id', 'author_id', 'title', 'price']
    assert it.column(url, "SELECT revision || ' ' || state FROM migrate_history ORDER BY revision") ==
            ['20260101090000 applied', '20260102090000 applied', '20260103090000 applied']
} finally {
    it.pgDrop('migrate_it_repair')
}
