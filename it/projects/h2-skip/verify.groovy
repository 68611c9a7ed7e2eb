def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder('Skipping migrate:upgrade (migrate.upgrade.skip)', 'migrate:upgrade', 'migrate:downgrade')
assert !new File(basedir, 'target/migrate/db.mv.db').exists()
