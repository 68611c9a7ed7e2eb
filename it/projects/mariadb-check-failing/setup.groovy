def it = evaluate(new File(support, 'it.groovy'))
it.mariadbRecreate('migrate_it_maria_check')
// made by hand rather than by the revision: a column more, the index forgotten
def c = it.connect(it.mariadbUrl('migrate_it_maria_check'))
try {
    c.createStatement().execute('CREATE TABLE books (id bigint PRIMARY KEY, title varchar(200) NOT NULL, note text)')
} finally {
    c.close()
}
return true
