def it = evaluate(new File(support, 'it.groovy'))
it.pgRecreate('migrate_it_schemas')
def c = it.connect(it.pgUrl('migrate_it_schemas'))
try {
    c.createStatement().execute('CREATE SCHEMA tenant_13; CREATE TABLE tenant_13.orders (id int)')
} finally { c.close() }
return true
