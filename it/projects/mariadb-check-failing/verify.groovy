def it = evaluate(new File(support, 'it.groovy'))

it.checkCheckFailing('mariadb', 'migrate_it_maria_check')
