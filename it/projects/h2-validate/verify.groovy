def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder(
    // 1: nothing applied yet is valid; part of the way is valid too, pending revisions are only reported
    'validate (default-cli)',
    'Valid; current: base (no revision applied); 3 revisions pending',
    'upgrade   20260102090000 (create books)',
    'validate (default-cli)',
    'Valid; current: 20260102090000 (create books)',
    'Valid; current: 1 revision pending',
    'BUILD SUCCESS',
    // 2: failOnPending fails on the pending revision and names it
    'validate (fail-on-pending)',
    'BUILD FAILURE',
    '1 revision is not applied yet: 20260103090000 (add book price). Run mvn migrate:upgrade',
    // 3: with everything applied the gate passes
    'upgrade   20260103090000 (add book price)',
    'validate (fail-on-pending)',
    'Valid; current: 20260103090000 (add book price) (head)',
    'BUILD SUCCESS',
    // 4: an edited downgrade is a warning only
    'validate (edited-downgrade)',
    '[WARNING] the downgrade section of applied revision 20260103090000 (add book price) was edited since it ran',
    'Valid; current: 20260103090000 (add book price) (head)',
    'BUILD SUCCESS',
    // 5: an edited upgrade fails the build, naming the revision and its file, and says what to do
    'validate (edited-upgrade)',
    'BUILD FAILURE',
    '[ERROR] Failed to execute goal dev.migrate:migrate-maven-plugin:',
    'the upgrade section of 1 applied revision was edited after it ran (nothing was run):',
    '[ERROR]   20260102090000 (create books): ',
    'edited-upgrade/20260102090000_create_books.sql',
    'revert the edit (git checkout the file), or, if the change is deliberate and the database already matches it,'
        + ' accept it with mvn migrate:repair')

// the edited revision is the only one named
def failure = it.log().substring(it.log().lastIndexOf('validate (edited-upgrade)'))
assert !failure.contains('20260101090000 (create authors):') && !failure.contains('20260103090000 (add book price):')

// validate moved nothing: the history holds what the two upgrades ran, and books has no isbn column
def url = it.h2Url()
assert it.tables(url) == ['authors', 'books', 'migrate_history']
assert it.column(url, 'SELECT revision FROM migrate_history ORDER BY revision') ==
        ['20260101090000', '20260102090000', '20260103090000']
assert it.column(url, "SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = 'books'"
        + ' ORDER BY ordinal_position') == ['id', 'author_id', 'title', 'price']
