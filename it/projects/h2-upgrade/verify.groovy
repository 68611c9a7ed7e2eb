def it = evaluate(new File(support, 'it.groovy'))

// zero configuration: the embedded H2 database under target/
it.logContainsInOrder(
    'Database: jdbc:h2:file:',
    'upgrade   20260101090000 (create authors)',
    'upgrade   20260105090000 (add book price)',
    'Upgraded 5 revisions in ',
    'the database is now at 20260105090000 (head)',
    'Current: 20260105090000 (add book price) (head)',
    '[x] 20260105090000  parents: 20260104090000  (head, current)  add book price',
    '[x] 20260104090000  parents: 20260102090000, 20260103090000  (merge)',
    '[x] 20260101090000  parents: base',
    '5 of 5 applied',
    'Head: 20260105090000 (add book price)')
def url = it.h2Url()
assert it.tables(url) == ['authors', 'books', 'migrate_history', 'reviews']
assert it.column(url, 'SELECT revision FROM migrate_history ORDER BY revision') == ['20260101090000', '20260102090000', '20260103090000', '20260104090000', '20260105090000']
assert it.column(url, 'SELECT name FROM authors') == ['Ursula K. Le Guin']
