def it = evaluate(new File(support, 'it.groovy'))

// revision and check ran without resolving the dependency that exists nowhere
it.logContainsInOrder(
    'Upgraded 1 revision',
    'check: 2 comparison(s), 0 difference(s)',
    'No difference between the head of the revisions and the desired schema: no revision written',
    'BUILD SUCCESS')
assert !new File(basedir, 'build.log').text.contains('published-nowhere')
assert new File(basedir, 'src/main/migrations').list().length == 1
