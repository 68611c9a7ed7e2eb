def it = evaluate(new File(support, 'it.groovy'))
// the goal itself must not need the database: it is created only in verify.groovy, to run the scripts
it.pgDrop('migrate_it_offline')
return true
