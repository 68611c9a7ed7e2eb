def it = evaluate(new File(support, 'it.groovy'))

def folder = new File(basedir, 'src/main/migrations').absolutePath
it.logContainsInOrder(
    // 1: the revision from its file alone, found by a unique prefix; no database, so "applied" is unknown
    'show (reviews)',
    '[INFO] Revision:      20260103090000',
    '[INFO] File:          ' + folder + File.separator + '20260103090000_create_reviews.sql',
    '[INFO] Message:       create reviews',
    '[INFO] Parents:       20260101090000 (create authors)',
    '[INFO] Children:      20260104090000 (merge books and reviews)',
    '[INFO] Branch:        reviews',
    '[INFO] Transactional: yes',
    '[INFO] Applied:       unknown (no database configured; set migrate.url to know)',
    '[INFO] -- upgrade',
    '[INFO] CREATE TABLE reviews (id INT PRIMARY KEY, stars INT NOT NULL);',
    '[INFO] -- downgrade',
    '[INFO] DROP TABLE reviews;',
    'BUILD SUCCESS',
    // 2-4: what show needs, said in words
    'show (default-cli)',
    'BUILD FAILURE',
    'migrate:show needs a revision: add -Dmigrate.revision=<id or unique prefix> (migrate:history lists them)',
    'show (ambiguous)',
    'BUILD FAILURE',
    "'2026010' matches 5 revisions (20260101090000, 20260102090000, 20260103090000, 20260104090000, 20260105090000);"
        + ' give more digits of the id',
    'show (unknown)',
    'BUILD FAILURE',
    "no revision '20261231' (run migrate:history to list them)",
    // 5: against a database: an applied merge (empty sections) and a pending head with every header key
    'upgrade (applied)',
    'Upgraded 4 revisions',
    'show (merge-applied)',
    '[INFO] Revision:      20260104090000',
    '[INFO] Parents:       20260102090000 (create books), 20260103090000 (create reviews)',
    '[INFO] Children:      20260105090000 (add book price)',
    '[INFO] Applied:       yes, applied at ',
    '[INFO] -- upgrade',
    '[INFO] (empty)',
    '[INFO] -- downgrade',
    '[INFO] (empty)',
    'show (price-pending)',
    '[INFO] Revision:      20260105090000',
    '[INFO] Message:       add book price',
    '[INFO] Parents:       20260104090000 (merge books and reviews)',
    '[INFO] Children:      none (head)',
    '[INFO] Depends on:    20260103090000',
    '[INFO] Transactional: no (transactional: false)',
    '[INFO] Lint ignores:  destructive-upgrade, rename',
    '[INFO] Applied:       no',
    '[INFO] -- upgrade',
    '[INFO] ALTER TABLE books ADD COLUMN price DECIMAL(8, 2);',
    "[INFO] INSERT INTO authors (id, name) VALUES (1, 'Ursula K. Le Guin');",
    '[INFO] -- downgrade',
    '[INFO] DELETE FROM authors WHERE id = 1;',
    '[INFO] ALTER TABLE books DROP COLUMN price;',
    'BUILD SUCCESS')

// show never creates a database: the default one does not exist, and it read the applied one without writing
assert !new File(basedir, 'target/migrate').exists()
def url = 'jdbc:h2:file:' + new File(basedir, 'target/applied/db').absolutePath + ';IFEXISTS=TRUE'
assert it.column(url, 'SELECT revision FROM migrate_history ORDER BY revision') ==
        ['20260101090000', '20260102090000', '20260103090000', '20260104090000']
