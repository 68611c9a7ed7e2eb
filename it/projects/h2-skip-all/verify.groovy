def it = evaluate(new File(support, 'it.groovy'))

def goals = ['upgrade', 'downgrade', 'stamp', 'current', 'history', 'heads', 'branches', 'validate', 'repair', 'show',
             'lint', 'sql', 'revision', 'merge', 'verify']
it.logContainsInOrder(*(goals.collect { "[INFO] Skipping migrate:${it} (migrate.skip)" } + ['BUILD SUCCESS']))
def log = it.log()
// no goal got as far as its own work
assert !log.contains('Database: ') && !log.contains('Lint: ') && !log.contains('Current: ')
// nothing was written: no database (so no history table), no report, no SQL script, no new revision file
def target = new File(basedir, 'target')
assert !new File(target, 'migrate').exists()
assert !new File(target, 'migrate-reports').exists()
assert !new File(target, 'offline.sql').exists()
assert new File(basedir, 'src/main/migrations').list().sort() ==
        ['20260101090000_create_authors.sql', '20260102090000_create_books.sql', '20260103090000_add_book_price.sql']
