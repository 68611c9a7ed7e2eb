def it = evaluate(new File(support, 'it.groovy'))
it.pgRecreate('migrate_it_jpa_boot')
return true
