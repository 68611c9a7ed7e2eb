def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder('BUILD FAILURE')
def log = it.log()
assert log.contains('20260102090000_create_b.sql:4') : 'the second upgrade marker is named with its line'
assert log.contains('20260103090000_create_c.sql:3') : 'the unterminated string is named with its line'
// nothing touched the database: it was never even created
assert !new File(basedir, 'target/migrate/db.mv.db').exists()
