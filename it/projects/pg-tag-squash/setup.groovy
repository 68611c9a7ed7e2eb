def it = evaluate(new File(support, 'it.groovy'))
it.pgRecreate('migrate_it_tag_squash')
it.pgRecreate('migrate_it_tag_squash_fresh')
return true
