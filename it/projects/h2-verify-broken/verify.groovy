def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder(
    '[ERROR] downgrade of 20260103090000_add_book_price leaves index ix_books_price on table books',
    'BUILD FAILURE',
    'migrate:verify found ',
    'downgrade of 20260103090000_add_book_price leaves index ix_books_price on table books')
assert !new File(basedir, 'target/migrate/db.mv.db').exists()
def report = new File(basedir, 'target/migrate-reports/TEST-migrate-verify.xml').getText('UTF-8')
assert report.contains('name="downgrade restores the schema"') && report.contains('leaves index ix_books_price on table books</failure>')
