def it = evaluate(new File(support, 'it.groovy'))

def email = '20260102090000_add_author_email.sql:5: warning [not-null-without-default] adding NOT NULL column email'
def rename = '20260103090000_drop_legacy_notes.sql:8: warning [rename] renaming column name of authors to full_name'
it.logContainsInOrder(
    // 1: warnings are reported with file:line and rule, and the build passes
    'lint (default-cli)',
    '[WARNING] ', email,
    '[WARNING] ', rename,
    '[INFO] Lint: 0 errors, 2 warnings in the revision files',
    'BUILD SUCCESS',
    // 2: failOnWarning turns the same two warnings into a failure
    'lint (fail-on-warning)',
    email, rename,
    'BUILD FAILURE',
    'Lint: 0 errors, 2 warnings in the revision files; fix them, or switch a rule off',
    // 3: an error fails the build by default, naming file, line and rule
    'lint (with-error)',
    '[ERROR] ', 'with-error/20260102090000_index_author_names.sql:6: error [concurrently-in-transaction]'
        + ' PostgreSQL refuses CREATE INDEX CONCURRENTLY inside a transaction block',
    "fix: mark the revision '-- transactional: false'",
    // the same file as in 1, only without its lint-ignore header: now the DROP TABLE is reported too
    'with-error/20260103090000_drop_legacy_notes.sql:7: warning [destructive-upgrade] DROP TABLE legacy_notes',
    'with-error/20260103090000_drop_legacy_notes.sql:8: warning [rename]',
    'BUILD FAILURE',
    'Lint: 1 error, 2 warnings in the revision files; fix them',
    // 4: rules switched off for the project are not reported at all
    'lint (rules-disabled)',
    '[INFO] Lint: 0 errors, 0 warnings in the revision files',
    'BUILD SUCCESS')

def log = it.log()
// the lint-ignore header silences its rule for that revision only: no DROP TABLE warning under src/main
assert !log.contains('main/migrations/20260103090000_drop_legacy_notes.sql:7')
// the rules-disabled run reported nothing
def last = log.substring(log.lastIndexOf('lint (rules-disabled)'))
assert !last.contains('[WARNING] /') && !last.contains('[ERROR] /')
// lint needs no database: none was created
assert !new File(basedir, 'target/migrate').exists()
