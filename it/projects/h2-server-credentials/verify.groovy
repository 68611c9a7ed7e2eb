def it = evaluate(new File(support, 'it.groovy'))
def log = it.log()
assert log.contains('[DEBUG]') : 'the scenario runs with -X'
assert log.contains('Upgraded 2 revisions')
assert log.contains('both migrate.serverId and an explicit user or password are set')
// neither the decrypted password nor its encrypted form appears anywhere in the debug log
assert !log.contains('db-secret-9f3')
assert !log.contains('jr5Km/M9mG0HyrcQ5v7qk8WGC4Rw4SUXuNun0BSryEA')
// the database was created with the decrypted credentials: they open it, a wrong password does not
def url = 'jdbc:h2:file:' + new File(basedir, 'target/migrate/db').absolutePath + ';IFEXISTS=TRUE'
def good = new Properties(); good.user = 'sa'; good.password = 'db-secret-9f3'
def c = new org.h2.Driver().connect(url, good)
try {
    def rs = c.createStatement().executeQuery('SELECT COUNT(*) FROM migrate_history')
    rs.next()
    assert rs.getInt(1) == 2
} finally { c.close() }
def bad = new Properties(); bad.user = 'sa'; bad.password = 'wrong'
try {
    new org.h2.Driver().connect(url, bad).close()
    assert false : 'a wrong password must not open the database'
} catch (java.sql.SQLException expected) {
    assert expected.message.contains('Wrong user name or password')
}
