def it = evaluate(new File(support, 'it.groovy'))

try {
    it.logContainsInOrder(
        'migrate:upgrade on 2 databases',
        'status',
        'migrate:current on 2 databases')
    def log = it.log()
    assert log.contains('[embedded] Database: jdbc:h2:file:')
    assert log.contains('[server] Database: jdbc:postgresql://')
    assert log.contains('[server] [5/5] upgrade   20260105090000 (add book price)')
    assert log =~ /embedded\s+base\s+20260105090000\s+5\s+[\d.]+ s\s+ok/
    assert log =~ /server\s+base\s+20260105090000\s+5\s+[\d.]+ s\s+ok/
    assert log.contains('[server] Current: 20260105090000 (add book price) (head)')
    assert log =~ /server\s+20260105090000\s+20260105090000\s+0\s+[\d.]+ s\s+ok/
    def h2 = 'jdbc:h2:file:' + new File(basedir, 'target/migrate/embedded').absolutePath + ';IFEXISTS=TRUE'
    assert it.tables(h2) == ['authors', 'books', 'migrate_history', 'reviews']
    def pg = it.pgUrl('migrate_it_mixed')
    assert it.column(pg, "SELECT revision FROM app.migrate_history ORDER BY 1").size() == 5
    assert it.column(pg, "SELECT name FROM app.authors") == ['Ursula K. Le Guin']
} finally {
    it.pgDrop('migrate_it_mixed')
}
