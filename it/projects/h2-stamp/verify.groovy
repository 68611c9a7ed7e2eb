def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder(
    'stamp    + 20260101090000 (create authors)',
    'Stamped 5 revisions',
    'Current: 20260105090000 (add book price) (head)',
    'stamp    - 20260105090000 (add book price)',
    'stamp    - 20260104090000 (merge books and reviews)',
    // the reviews branch does not need 20260102090000's descendants, so it stays recorded
    'Stamped 2 revisions',
    '[ ] 20260105090000',
    '[x] 20260103090000  parents: 20260101090000  (current, branch reviews)  create reviews  [stamped]',
    '[x] 20260102090000  parents: 20260101090000  (current)  create books  [stamped]',
    '3 of 5 applied')
def url = it.h2Url()
// stamp records, it never runs SQL
assert it.tables(url) == ['migrate_history']
assert it.column(url, 'SELECT revision FROM migrate_history ORDER BY revision') == ['20260101090000', '20260102090000', '20260103090000']
