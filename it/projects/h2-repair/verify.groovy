def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder(
    // 1: right after an upgrade every checksum matches
    'upgrade   20260103090000 (add book price)',
    'repair (default-cli)',
    'Nothing to repair: every applied revision matches its file',
    'BUILD SUCCESS',
    // 2: the edited upgrade stops validate, which points at repair
    'validate (edited)',
    'BUILD FAILURE',
    'the upgrade section of 1 applied revision was edited after it ran',
    'edited/20260102090000_create_books.sql',
    'accept it with mvn migrate:repair, which re-records the checksums',
    // 3: repair re-records both edited revisions (an upgrade and a downgrade), then validate passes
    'repair (edited)',
    're-recorded the checksums of 20260102090000 (create books)',
    're-recorded the checksums of 20260103090000 (add book price)',
    'Re-recorded the checksums of 2 revisions',
    'validate (edited)',
    'Valid; current: 20260103090000 (add book price) (head)',
    'repair (edited)',
    'Nothing to repair: every applied revision matches its file',
    'BUILD SUCCESS',
    // 4: the database now holds the edited text, so the original file is the one that differs
    'validate (default-cli)',
    'BUILD FAILURE',
    'the upgrade section of 1 applied revision was edited after it ran',
    'main/migrations/20260102090000_create_books.sql',
    // 5: a recorded revision with no file is refused, with what to do
    'repair (missing-file)',
    'BUILD FAILURE',
    'the database has applied revision(s) 20260103090000 but no file in the revisions folder defines them.'
        + ' Restore the missing file(s), or point migrate.revisions at the right folder.')

// repair writes checksums only: no statement ran, no row was added, removed or changed state
def url = it.h2Url()
assert it.tables(url) == ['authors', 'books', 'migrate_history']
assert it.column(url, "SELECT revision || ' ' || state FROM migrate_history ORDER BY revision") ==
        ['20260101090000 applied', '20260102090000 applied', '20260103090000 applied']
assert it.column(url, "SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = 'books'"
        + ' ORDER BY ordinal_position') == ['id', 'author_id', 'title', 'price']
