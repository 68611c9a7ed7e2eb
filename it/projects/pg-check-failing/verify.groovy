def it = evaluate(new File(support, 'it.groovy'))

it.checkCheckFailing('pg', 'migrate_it_check')
