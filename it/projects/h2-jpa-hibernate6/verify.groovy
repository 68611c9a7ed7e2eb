def it = evaluate(new File(support, 'it.groovy'))

def folder = new File(basedir, 'src/main/migrations')
def written = folder.listFiles().findAll { it.name ==~ /\d{14}_create_shop\.sql/ }
assert written.size() == 1 : "expected one written revision, found ${folder.list()}"
def text = written[0].getText('UTF-8')
assert text.startsWith('-- parents: base\n-- message: create shop\n')
// Hibernate's own names: no Spring naming strategy in this project
assert text.contains('CREATE TABLE orders (')
assert text.contains('placedon DATE')
assert text.contains('CREATE INDEX ix_orders_placed ON orders')
assert text.contains("status ENUM('OPEN', 'SHIPPED')")
// the DDL Hibernate wrote stays for the user to read
assert new File(basedir, 'target/migrate/jpa/entities.sql').text.contains('create table Customer')

it.logContainsInOrder(
    'Reading 2 entity class(es) with Hibernate ORM 6.6.5.Final for H2 2',
    'Created revision ' + written[0].absolutePath,
    'Upgraded 1 revision',
    'check: 2 comparison(s), 0 difference(s)',
    'BUILD SUCCESS',
    'No difference between the head of the revisions and the desired schema: no revision written')
assert it.tables(it.h2Url()) == ['customer', 'migrate_history', 'orders']
