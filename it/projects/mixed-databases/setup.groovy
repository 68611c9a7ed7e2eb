def it = evaluate(new File(support, 'it.groovy'))
it.pgRecreate('migrate_it_mixed')
return true
