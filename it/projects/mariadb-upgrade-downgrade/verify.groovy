def it = evaluate(new File(support, 'it.groovy'))

it.checkUpgradeDowngrade('mariadb', 'migrate_it_maria_updown')
