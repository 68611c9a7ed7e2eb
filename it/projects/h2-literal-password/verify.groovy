def it = evaluate(new File(support, 'it.groovy'))
def log = it.log()
assert log.contains('Upgraded 1 revision')
// Maven resolved ${db.password} itself, so its debug output holds the password: the plugin says so
assert log.contains('it-literal-secret-42') : 'Maven -X prints a password resolved from the POM'
it.logContainsInOrder('[WARNING] the password is written into the plugin\'s <configuration> in the POM',
        'mvn -X prints it', '-Dmigrate.password=', '<serverId>', '${env.DB_PASSWORD}')
