def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder('BUILD FAILURE')
def log = it.log()
assert log.contains('20260102090000') && log.contains('20260103090000') : 'both heads are named'
assert log.contains('heads') && log.contains('merge') : 'the ways out are named'
// refused while planning, before any connection: the embedded database file was not even created
assert !new File(basedir, 'target/migrate/db.mv.db').exists()
