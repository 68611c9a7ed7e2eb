def it = evaluate(new File(support, 'it.groovy'))

def folder = new File(basedir, 'src/main/migrations')
def squashes = folder.listFiles().findAll { it.name ==~ /\d{14}_schema_of_1_0\.sql/ }
assert squashes.size() == 1 : "expected one squash, found ${folder.list()}"
def squash = squashes[0].name.substring(0, 14)
def text = squashes[0].getText('UTF-8')
assert text.startsWith('-- parents: base\n-- replaces: 20260101090000, 20260102090000, 20260103090000\n'
        + '-- message: schema of 1.0\n')
assert text.contains("INSERT INTO authors (id, name) VALUES (1, 'Austen');")
assert text.contains('UPDATE books SET price = 9.99 WHERE id = 1;')
// pruned in step 3: the squash and the revision after the range are left
assert folder.list().sort() == ['20260104090000_create_reviews.sql', "${squash}_schema_of_1_0.sql".toString()]

it.logContainsInOrder(
    "Tagged 20260103090000 (add book price) as 'release-1.0'",
    'Upgraded 3 revisions',
    'Current: 20260103090000 (add book price) [tags: release-1.0]',
    'Squash of 3 revision(s)',
    "upgrade   ${squash} (schema of 1.0)",
    'upgrade   20260104090000 (create reviews)',
    'Upgraded 2 revisions',
    'upgrade   20260104090000 (create reviews)',
    'Upgraded 1 revision',
    "[x] ${squash}  parents: base  (squash of 3)  schema of 1.0",
    '[x] 20260103090000  parents: 20260102090000  (tags release-1.0)  add book price',
    '[x] applied, [ ] pending; 5 of 5 applied',
    'Pruned 20260101090000_create_authors.sql',
    "[x] ${squash}  parents: base  (squash of 3, replaced files pruned)  schema of 1.0",
    '[x] applied, [ ] pending; 2 of 2 applied')

def fresh = 'jdbc:h2:file:' + new File(basedir, 'target/fresh/db').absolutePath + ';IFEXISTS=TRUE'
assert it.tables(fresh) == ['authors', 'books', 'migrate_history', 'reviews']
assert it.column(fresh, 'SELECT title || \' \' || price FROM books') == ['Emma 9.99']
assert it.column(fresh, 'SELECT revision FROM migrate_history ORDER BY revision') == ['20260104090000', squash]
assert it.column(it.h2Url(), 'SELECT revision FROM migrate_history ORDER BY revision') ==
        ['20260101090000', '20260102090000', '20260103090000', '20260104090000', squash] // the squash recorded with the next upgrade
