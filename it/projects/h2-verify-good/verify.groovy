def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder(
    'Verifying 3 revisions in in-memory H2 database migrate_verify_',
    'revision',
    '20260101090000_create_authors',
    '20260103090000_add_book_price',
    'full cycle',
    'Verified 3 revisions in ',
    ': 0 errors, 0 warnings',
    'BUILD SUCCESS')
// verify runs lint too, with H2's rules: PostgreSQL's advice (build the index CONCURRENTLY) is not given on H2
assert !it.log().contains('index-without-concurrently')
// the configured (default, file-based) H2 database is never created
assert !new File(basedir, 'target/migrate/db.mv.db').exists()
def report = new File(basedir, 'target/migrate-reports/TEST-migrate-verify.xml').getText('UTF-8')
assert report.contains('tests="12" failures="0" errors="0"')
