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
