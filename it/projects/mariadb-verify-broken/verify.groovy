def it = evaluate(new File(support, 'it.groovy'))

it.checkVerifyBroken('mariadb', 'migrate_it_maria_verify_broken')
