def it = evaluate(new File(support, 'it.groovy'))
it.pgRecreate('migrate_it_check_schemas')
def c = it.connect(it.pgUrl('migrate_it_check_schemas'))
try {
    // another application's schema, and a table made by hand in tenant t2 only
    c.createStatement().execute('CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int);'
            + ' CREATE SCHEMA t2; CREATE TABLE t2.audit (id int)')
} finally { c.close() }
return true
