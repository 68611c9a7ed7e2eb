def it = evaluate(new File(support, 'it.groovy'))

it.checkUpgradeDowngrade('pg', 'migrate_it_updown')
