def it = evaluate(new File(support, 'it.groovy'))
it.pgRecreate('migrate_it_check')
// made by hand rather than by the revision: a column more, the index forgotten
def c = it.connect(it.pgUrl('migrate_it_check'))
try {
    c.createStatement().execute('CREATE TABLE books (id bigint PRIMARY KEY, title text NOT NULL, note text)')
} finally {
    c.close()
}
return true
