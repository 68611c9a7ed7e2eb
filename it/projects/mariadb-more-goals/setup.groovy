def it = evaluate(new File(support, 'it.groovy'))
it.mariadbRecreate('migrate_it_maria_goals')
return true
