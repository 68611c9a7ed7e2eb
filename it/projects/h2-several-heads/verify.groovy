def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder('BUILD FAILURE')
def log = it.log()
assert log.contains('20260102090000') && log.contains('20260103090000') : 'both heads are named'
assert log.contains('heads') && log.contains('merge') : 'the ways out are named'
// refused while planning: not even the history table was created
assert it.tables(it.h2Url()) == []
