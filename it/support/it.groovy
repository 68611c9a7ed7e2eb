// Shared by the scenarios' setup.groovy and verify.groovy: database access and log checks.
// Load with: def it = evaluate(new File(support, 'it.groovy'))
import java.sql.Connection

class It {
    String pgPrefix
    String pgParams
    String mariadbPrefix
    String mariadbParams
    /** This build's suffix of every database name (the poms write @pgRun@ after the name). */
    String pgRun
    /** The same for MariaDB (the poms write @mariadbRun@ after the name). */
    String mariadbRun
    File basedir

    /** A scenario's database name as this build made it: unique to the build. */
    String pgName(String database) { database + '_' + pgRun }

    /** The URL of a scenario's database {@code database} (its name without this build's suffix). */
    String pgUrl(String database) { pgPrefix + pgName(database) + pgParams }

    /** The server's maintenance database, to make and drop the scenarios' databases from. */
    String pgAdminUrl() { pgPrefix + 'postgres' + pgParams }

    /** A MariaDB scenario's database name as this build made it: unique to the build. */
    String mariadbName(String database) { database + '_' + mariadbRun }

    /** The URL of a MariaDB scenario's database {@code database} (its name without this build's suffix). */
    String mariadbUrl(String database) { mariadbPrefix + mariadbName(database) + mariadbParams }

    /** The server without a database, to make and drop the scenarios' databases from. */
    String mariadbAdminUrl() { mariadbPrefix + mariadbParams }

    String h2Url() { 'jdbc:h2:file:' + new File(basedir, 'target/migrate/db').absolutePath + ';IFEXISTS=TRUE' }

    Connection connect(String url) {
        def driver = url.startsWith('jdbc:h2:') ? new org.h2.Driver()
                : url.startsWith('jdbc:mariadb:') ? new org.mariadb.jdbc.Driver() : new org.postgresql.Driver()
        def connection = driver.connect(url, new Properties())
        assert connection != null : "no connection for ${url}"
        connection
    }

    void pgExecute(String sql) {
        def c = connect(pgAdminUrl())
        try { c.createStatement().execute(sql) } finally { c.close() }
    }

    /** A fresh, empty PostgreSQL database for one scenario. */
    void pgRecreate(String database) {
        pgExecute("DROP DATABASE IF EXISTS ${pgName(database)} WITH (FORCE)")
        pgExecute("CREATE DATABASE ${pgName(database)}")
    }

    void pgDrop(String database) { pgExecute("DROP DATABASE IF EXISTS ${pgName(database)} WITH (FORCE)") }

    void mariadbExecute(String sql) {
        def c = connect(mariadbAdminUrl())
        try { c.createStatement().execute(sql) } finally { c.close() }
    }

    /** A fresh, empty MariaDB database for one scenario. */
    void mariadbRecreate(String database) {
        mariadbExecute("DROP DATABASE IF EXISTS ${mariadbName(database)}")
        mariadbExecute("CREATE DATABASE ${mariadbName(database)}")
    }

    void mariadbDrop(String database) { mariadbExecute("DROP DATABASE IF EXISTS ${mariadbName(database)}") }

    /** The first column of every row, as strings. */
    List<String> column(String url, String sql) {
        def c = connect(url)
        try {
            def rs = c.createStatement().executeQuery(sql)
            def values = []
            while (rs.next()) { values << rs.getString(1) }
            values
        } finally { c.close() }
    }

    /** Lower-case names of the tables in the default schema, without H2's migration-lock table. */
    List<String> tables(String url) {
        def schema = url.startsWith('jdbc:h2:') ? "'PUBLIC'" : url.startsWith('jdbc:mariadb:') ? 'DATABASE()' : "'public'"
        column(url, "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = ${schema}"
                + " AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY 1") - ['migrate_history_lock']
    }

    // Product-parameterised: product is 'pg' or 'mariadb', database a scenario's name without this build's suffix.

    String url(String product, String database) { product == 'pg' ? pgUrl(database) : mariadbUrl(database) }

    void drop(String product, String database) { product == 'pg' ? pgDrop(database) : mariadbDrop(database) }

    /** Runs {@code checks}, then drops the scenario's database whatever they found. */
    void thenDrop(String product, String database, Closure checks) {
        try {
            checks()
        } finally {
            drop(product, database)
        }
    }

    /** Whether the server of {@code product} has a database named {@code name} (a full name, suffix included). */
    boolean hasDatabase(String product, String name) {
        product == 'pg'
                ? column(pgAdminUrl(), "SELECT datname FROM pg_database WHERE datname = '${name}'") != []
                : column(mariadbAdminUrl(), "SELECT schema_name FROM information_schema.schemata"
                        + " WHERE schema_name = '${name}'") != []
    }

    /** The upgrade-downgrade scenarios: the log of the chained goals, and nothing left but the empty history. */
    void checkUpgradeDowngrade(String product, String database) {
        thenDrop(product, database) {
            logContainsInOrder(
                'Database: jdbc:' + (product == 'pg' ? 'postgresql' : 'mariadb') + '://',
                'upgrade   20260101090000 (create authors)',
                'Upgraded 5 revisions',
                'Current: 20260105090000 (add book price) (head)',
                '[x] 20260105090000  parents: 20260104090000  (head, current)  add book price',
                'Downgraded 1 revision',
                'Current: 20260104090000 (merge books and reviews)',
                'Downgraded 3 revisions',
                'Current: 20260101090000 (create authors)',
                'Current: 4 revisions pending',
                'Upgraded 4 revisions',
                'Downgraded 5 revisions',
                'Current: base (no revision applied); 5 revisions pending')
            def target = url(product, database)
            assert tables(target) == ['migrate_history']
            assert column(target, 'SELECT COUNT(*) FROM migrate_history') == ['0']
        }
    }

    /** The check-failing scenarios: both differences reported, the build failed, the database only read. */
    void checkCheckFailing(String product, String database) {
        thenDrop(product, database) {
            logContainsInOrder(
                'Comparing the database with its 1 applied revision(s)',
                'column books.note was added outside the revisions',
                'index ix_books_title on table books was removed outside the revisions',
                'check: 1 comparison(s), 2 difference(s)',
                'BUILD FAILURE',
                'migrate:check found 2 difference(s)')
            def report = new File(basedir, 'target/migrate-reports/TEST-migrate-check.xml').getText('UTF-8')
            assert report.contains('failures="1"') && report.contains('column books.note')
            def schema = product == 'pg' ? 'current_schema()' : 'DATABASE()'
            assert column(url(product, database), "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = ${schema} AND table_name = 'books' ORDER BY ordinal_position") ==
                    ['id', 'title', 'note']
        }
    }

    /** The verify-broken scenarios: the forgotten index named, the database untouched, the scratch database gone. */
    void checkVerifyBroken(String product, String database) {
        thenDrop(product, database) {
            logContainsInOrder(
                '[ERROR] downgrade of 20260103090000_add_book_price leaves index ix_books_price on table books',
                'BUILD FAILURE',
                'migrate:verify found ',
                'downgrade of 20260103090000_add_book_price leaves index ix_books_price on table books')
            assert tables(url(product, database)) == []
            // the temporary database is dropped although verify failed
            def scratch = (log() =~ /migrate_verify_[a-z0-9_]+/)[0]
            assert !hasDatabase(product, scratch)
            def report = new File(basedir, 'target/migrate-reports/TEST-migrate-verify.xml').getText('UTF-8')
            assert report.contains('name="downgrade restores the schema"')
            assert report.contains('leaves index ix_books_price on table books</failure>')
        }
    }

    /**
     * The tag-squash scenarios: the squash file, the log of tag, squash, upgrade and prune, a fresh
     * database ({@code freshUrl}) upgraded through the squash and the first one ({@code url}) keeping its history.
     */
    void checkTagSquash(String url, String freshUrl) {
        def folder = new File(basedir, 'src/main/migrations')
        def squashes = folder.listFiles().findAll { it.name ==~ /\d{14}_schema_of_1_0\.sql/ }
        assert squashes.size() == 1 : "expected one squash, found ${folder.list()}"
        def squash = squashes[0].name.substring(0, 14)
        def text = squashes[0].getText('UTF-8')
        assert text.startsWith('-- parents: base\n-- replaces: 20260101090000, 20260102090000, 20260103090000\n'
                + '-- message: schema of 1.0\n')
        assert text.contains("INSERT INTO authors (id, name) VALUES (1, 'Austen');")
        assert text.contains('UPDATE books SET price = 9.99 WHERE id = 1;')
        // pruned in step 3: the squash and the revision after the range are left
        assert folder.list().sort() == ['20260104090000_create_reviews.sql', "${squash}_schema_of_1_0.sql".toString()]

        logContainsInOrder(
            "Tagged 20260103090000 (add book price) as 'release-1.0'",
            'Upgraded 3 revisions',
            'Current: 20260103090000 (add book price) [tags: release-1.0]',
            'Squash of 3 revision(s)',
            "upgrade   ${squash} (schema of 1.0)",
            'upgrade   20260104090000 (create reviews)',
            'Upgraded 2 revisions',
            'upgrade   20260104090000 (create reviews)',
            'Upgraded 1 revision',
            "[x] ${squash}  parents: base  (squash of 3)  schema of 1.0",
            '[x] 20260103090000  parents: 20260102090000  (tags release-1.0)  add book price',
            '[x] applied, [ ] pending; 5 of 5 applied',
            'Pruned 20260101090000_create_authors.sql',
            "[x] ${squash}  parents: base  (squash of 3, replaced files pruned)  schema of 1.0",
            '[x] applied, [ ] pending; 2 of 2 applied')

        assert tables(freshUrl) == ['authors', 'books', 'migrate_history', 'reviews']
        assert column(freshUrl, 'SELECT title || \' \' || price FROM books') == ['Emma 9.99']
        assert column(freshUrl, 'SELECT revision FROM migrate_history ORDER BY revision') == ['20260104090000', squash]
        assert column(url, 'SELECT revision FROM migrate_history ORDER BY revision') ==
                ['20260101090000', '20260102090000', '20260103090000', '20260104090000', squash] // the squash recorded with the next upgrade
    }

    String log() { new File(basedir, 'build.log').getText('UTF-8') }

    /** Asserts each fragment occurs in the build log, in this order. */
    void logContainsInOrder(String... fragments) {
        def text = log()
        int from = 0
        fragments.each { fragment ->
            int at = text.indexOf(fragment, from)
            assert at >= 0 : "build.log lacks (after offset ${from}): ${fragment}"
            from = at + fragment.length()
        }
    }
}

new It(pgPrefix: pgPrefix, pgParams: pgParams, pgRun: pgRun, mariadbPrefix: mariadbPrefix,
        mariadbParams: mariadbParams, mariadbRun: mariadbRun, basedir: basedir)
