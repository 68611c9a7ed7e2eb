def it = evaluate(new File(support, 'it.groovy'))

it.checkVerifyBroken('pg', 'migrate_it_verify_broken')
