def it = evaluate(new File(support, 'it.groovy'))

// the map gives owner, a project property overrides region, the command line overrides label
def url = it.h2Url()
assert it.column(url, "SELECT owner || '|' || region || '|' || label || '|' || rev || '|' || literal FROM shop.settings") ==
    ['pom-owner|project-region|cli-label|20260101090000|${owner}']
it.logContainsInOrder(
    '[1/1] upgrade   20260101090000 (create settings)',
    'Upgraded 1 revision',
    // show prints the text as written, then what is sent
    "INSERT INTO settings VALUES ('\${owner}', '\${region}', '\${label}', '\${migrate:revision}', '\$\${owner}');",
    '-- upgrade, as sent (placeholders replaced)',
    "INSERT INTO settings VALUES ('pom-owner', 'project-region', 'cli-label', '20260101090000', '\${owner}');",
    'Wrote upgrade')
def script = new File(basedir, 'target/migrate').listFiles().find { it.name.endsWith('.sql') }
assert script.text.contains("CREATE TABLE shop.settings")
assert script.text.contains("'cli-label'")
// the checksum is that of the text as written
def checksum = it.column(url, "SELECT upgrade_checksum FROM shop.migrate_history")[0]
assert checksum.size() == 64
