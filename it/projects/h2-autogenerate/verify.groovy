def it = evaluate(new File(support, 'it.groovy'))

def folder = new File(basedir, 'src/main/migrations')
def written = folder.listFiles().findAll { it.name ==~ /\d{14}_add_orders\.sql/ }
assert written.size() == 1 : "expected one written revision, found ${folder.list()}"
def text = written[0].getText('UTF-8')
assert text.startsWith('-- parents: 20260101090000\n-- message: add orders\n')
assert text.contains('ALTER TABLE customers ADD COLUMN email CHARACTER VARYING(200);')
assert text.contains('CREATE TABLE orders (')
assert text.contains('ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)')
assert text.contains('CREATE INDEX ix_orders_customer ON orders (customer_id);')
assert text.contains('-- downgrade\nALTER TABLE orders DROP CONSTRAINT fk_orders_customer;')
assert !text.contains('TODO')

it.logContainsInOrder(
    'Building the desired schema from',
    'Proving',
    'Created revision ' + written[0].absolutePath,
    'Upgraded 2 revisions',
    'check: 2 comparison(s), 0 difference(s)',
    'BUILD SUCCESS',
    'No difference between the head of the revisions and the desired schema: no revision written')
assert it.tables(it.h2Url()) == ['customers', 'migrate_history', 'orders']
