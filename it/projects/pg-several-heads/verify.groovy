def it = evaluate(new File(support, 'it.groovy'))

try {
    it.logContainsInOrder('Upgraded 3 revisions', 'Current: 20260102090000 (create b) (head)', 'Current: 20260103090000 (create c) (head)')
    def url = it.pgUrl('migrate_it_heads')
    assert it.column(url, 'SELECT revision FROM migrate_history ORDER BY revision') == ['20260101090000', '20260102090000', '20260103090000']
} finally {
    it.pgDrop('migrate_it_heads')
}
