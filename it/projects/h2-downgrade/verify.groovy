def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder(
    'Upgraded 5 revisions',
    'downgrade 20260105090000 (add book price)',
    'Downgraded 1 revision in ',
    'Current: 20260104090000 (merge books and reviews)',
    'downgrade 20260104090000 (merge books and reviews)',
    'Downgraded 1 revision',
    // the reviews branch is not above 20260102090000, so it stays applied
    'Current: 20260102090000 (create books)',
    'Current: 20260103090000 (create reviews)',
    'downgrade 20260103090000 (create reviews)',
    'downgrade 20260102090000 (create books)',
    'downgrade 20260101090000 (create authors)',
    'Current: base (no revision applied); 5 revisions pending')
def url = it.h2Url()
assert it.tables(url) == ['migrate_history']
assert it.column(url, 'SELECT COUNT(*) FROM migrate_history') == ['0']
