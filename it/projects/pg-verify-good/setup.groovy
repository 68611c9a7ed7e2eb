def it = evaluate(new File(support, 'it.groovy'))
it.pgRecreate('migrate_it_verify_good')
return true
