def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder('Skipping migrate:upgrade (migrate.upgrade.skip)', 'migrate:downgrade', 'migrate:history', 'migrate:upgrade')
assert !new File(basedir, 'target/migrate/db.mv.db').exists()
