def s = evaluate(new File(support, 'it.groovy'))

s.thenDrop('mariadb', 'migrate_it_maria_goals') {
    s.logContainsInOrder(
            'Head: 20260105090000 (add book price)',
            "Branch 'reviews' starts at 20260103090000 (create reviews)",
            'Lint: 0 errors, 2 warnings in the revision files',
            'Wrote upgrade from base to head (5 revisions, MySQL/MariaDB)',
            'Upgraded 5 revisions',
            'Valid; current: 20260105090000 (add book price) (head)',
            "Tagged 20260105090000 (add book price) as 'release-1.0'",
            'Tags:          release-1.0',
            'Downgraded 4 revisions',
            'Squash of 5 revision(s)',
            'Plan (upgrade to release-1.0): 4 revisions',
            'Current: 20260105090000 (add book price) (head) [tags: release-1.0]',
            'Nothing to repair: every applied revision matches its file',
            'Valid; current: 20260105090000 (add book price) (head) [tags: release-1.0]',
            '(squash of 5)  squashed',
            '6 of 6 applied')
    // the database in the squashed range ran the rest of the chain, not the squash
    def target = s.url('mariadb', 'migrate_it_maria_goals')
    assert s.tables(target).containsAll(['authors', 'books', 'reviews', 'migrate_history'])
    assert s.column(target, 'SELECT name FROM authors WHERE id = 1') == ['Ursula K. Le Guin']
    assert new File(basedir, 'src/main/migrations').list().findAll { name -> name.endsWith('_squashed.sql') }.size() == 1
    assert new File(basedir, 'target/migrate/upgrade-base-to-head.sql').text.contains('CREATE TABLE')
}
