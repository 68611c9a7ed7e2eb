def it = evaluate(new File(support, 'it.groovy'))

try {
    it.logContainsInOrder(
        'Database: jdbc:mariadb://',
        'upgrade   20260101090000 (create authors)',
        'Upgraded 5 revisions',
        'Current: 20260105090000 (add book price) (head)',
        '[x] 20260105090000  parents: 20260104090000  (head, current)  add book price',
        'Downgraded 1 revision',
        'Current: 20260104090000 (merge books and reviews)',
        'Downgraded 3 revisions',
        'Current: 20260101090000 (create authors)',
        'Current: 4 revisions pending',
        'Upgraded 4 revisions',
        'Downgraded 5 revisions',
        'Current: base (no revision applied); 5 revisions pending')
    def url = it.mariadbUrl('migrate_it_maria_updown')
    assert it.tables(url) == ['migrate_history']
    assert it.column(url, 'SELECT COUNT(*) FROM migrate_history') == ['0']
} finally {
    it.mariadbDrop('migrate_it_maria_updown')
}
