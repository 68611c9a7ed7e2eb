package dev.migrate.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.sql.Statement;
import dev.migrate.testing.TestDatabase;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements go in a PgJDBC batch, and when a failed batch's message names its statement. */
class PostgresBatchesTest {

    @ParameterizedTest
    @ValueSource(strings = {"SELECT setval('s', 42)", "select create_hypertable('t', 'at')",
        "SELECT pg_catalog.set_config('search_path', '', false)", "WITH x AS (SELECT 1) SELECT * FROM x",
        "WITH d AS (DELETE FROM t RETURNING id) INSERT INTO u SELECT id FROM d RETURNING id",
        "WITH d AS (DELETE FROM t RETURNING id) SELECT * FROM d", "WITH \"as\" AS (SELECT 1) SELECT 2",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SEARCH DEPTH FIRST BY n SET o"
                + " INSERT INTO t SELECT n FROM r", "WITH x AS (SELECT 1), y AS (SELECT 2) TABLE x",
        "WITH x AS (SELECT 1) \"update\" t SET a = 1", "WITH x AS (SELECT 1", "WITH", "VALUES (1)", "TABLE t",
        "INSERT INTO t VALUES (1) RETURNING id", "UPDATE t SET a = 1\nRETURNING *", "DELETE FROM t RETURNING id",
        "MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN DELETE RETURNING t.id", "CALL p(1, NULL)",
        "SHOW search_path", "EXPLAIN ANALYZE SELECT 1", "EXECUTE plan (1)", "FETCH ALL FROM c", "(SELECT 1)",
        "/* CREATE */ SELECT 1", "COPY t TO STDOUT", "INSERT INTO t VALUES (1) RETURNING/**/id"})
    void statementsThatMayReturnRowsStayOutOfBatches(String sql) {
        assertThat(PostgresBatches.returnsNoRows(new Statement(sql, 1))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE t (id INT)", "/* SELECT */ CREATE TABLE t (id INT)",
        "INSERT INTO t VALUES ('SELECT x RETURNING y')", "INSERT INTO t VALUES (E'\\' RETURNING id')",
        "UPDATE t SET a = 1 -- RETURNING a\n", "DELETE FROM t /* RETURNING */", "INSERT INTO returning_log VALUES (1)",
        "DO $$ BEGIN PERFORM 1; INSERT INTO t VALUES (1) RETURNING id INTO x; END $$",
        "CREATE FUNCTION f() RETURNS SETOF int AS $$ SELECT 1 $$ LANGUAGE sql", "ALTER TABLE t ADD COLUMN c INT",
        "COMMENT ON TABLE t IS 'SELECT'", "GRANT SELECT ON t TO u", "SET search_path TO app", "ANALYZE",
        "insert/* x */into t values (1)", "LOCK TABLE t IN ACCESS EXCLUSIVE MODE",
        "WITH d AS (DELETE FROM t RETURNING id) INSERT INTO u SELECT id FROM d",
        "WITH x AS (\nINSERT INTO person (name) SELECT name FROM site RETURNING person.id)\nUPDATE\n    local_site\nSET"
                + " system_account = x.id\nFROM\n    x",
        "with recursive r (n) as not materialized (select 1), s as materialized (select (2)) delete from t"
                + " where id in (select n from r)", "WITH x AS (SELECT 1) UPDATE t SET a = (SELECT 1 FROM x) -- RETURNING a\n"})
    void statementsThatReturnNoRowsGoInBatches(String sql) {
        assertThat(PostgresBatches.returnsNoRows(new Statement(sql, 1))).isTrue();
    }

    private static final List<Statement> BATCH = List.of(new Statement("CREATE TABLE a (id INT)", 5),
            new Statement("INSERT INTO missing VALUES (1)", 6), new Statement("CREATE TABLE b (id INT)", 7));

    private static BatchUpdateException failure(String message, String serverError) {
        BatchUpdateException failure = new BatchUpdateException(message, "42P01", 0, new int[] {-3, -3, -3}, null);
        failure.setNextException(new SQLException(serverError, "42P01"));
        return failure;
    }

    @Test
    void namesTheEntryPgJdbcNamesWithItsOwnText() {
        String server = "ERROR: relation \"missing\" does not exist\n  Position: 13";
        BatchUpdateException failure = failure("Batch entry 1 INSERT INTO missing VALUES (1) was aborted: " + server
                + "  Call getNextException to see other errors in the batch.", server);

        assertThat(PostgresBatches.failedStatement(failure, BATCH)).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void namesAnEntryPastTheThousandthAsPgJdbcNumbersIt() {
        List<Statement> batch = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            batch.add(new Statement("INSERT INTO t VALUES (" + i + ")", i + 1));
        }
        String server = "ERROR: duplicate key value violates unique constraint \"t_pkey\"";
        // the entry number goes through PgJDBC's MessageFormat, which groups its digits
        BatchUpdateException failure = failure(java.text.MessageFormat.format("Batch entry {0} {1} was aborted: {2}"
                + "  Call getNextException to see other errors in the batch.", 1000, batch.get(1000).sql(), server),
                server);

        assertThat(failure.getMessage()).doesNotStartWith("Batch entry 1000 ");
        assertThat(PostgresBatches.failedStatement(failure, batch)).isEqualTo(OptionalInt.of(1000));
    }

    @Test
    void namesNothingWhenTheMessageCannotBeTrusted() {
        String server = "ERROR: relation \"missing\" does not exist";
        String tail = " was aborted: " + server + "  Call getNextException to see other errors in the batch.";
        // translated (PgJDBC follows the JVM's locale), text left out, another entry's text, out of range
        for (String message : List.of("バッチ 1 INSERT INTO missing VALUES (1) はアボートしました: " + server,
                "Batch entry 1 <unknown>" + tail, "Batch entry 0 INSERT INTO missing VALUES (1)" + tail,
                "Batch entry 7 INSERT INTO missing VALUES (1)" + tail,
                "Batch entry 99999999999 INSERT INTO missing VALUES (1)" + tail)) {
            assertThat(PostgresBatches.failedStatement(failure(message, server), BATCH)).as(message).isEmpty();
        }
        BatchUpdateException unchained = new BatchUpdateException("Batch entry 1 INSERT INTO missing VALUES (1)"
                + tail, "42P01", 0, new int[] {-3, -3, -3}, null);
        assertThat(PostgresBatches.failedStatement(unchained, BATCH)).isEmpty();
    }

    @Test
    void namesTheEntryPgJdbcNamesInTheJvmsLanguage() throws Exception {
        // PgJDBC picks its messages' language once per class loader, from the JVM's default locale when it
        // first translates one: a loader of its own, with this class, as the plugin's realm holds both
        URL[] classpath = {PostgresBatches.class.getProtectionDomain().getCodeSource().getLocation(),
            org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation()};
        List<String> sql = List.of("INSERT INTO seen VALUES (nextval('s'))", "CREATE TABLE a (id INT)",
                "INSERT INTO missing VALUES (1)", "CREATE TABLE b (id INT)");
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
                URLClassLoader realm = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            db.execute("CREATE TABLE seen (n INT)");
            db.execute("CREATE SEQUENCE s");
            BatchUpdateException failure = inRussian(() -> {
                try (Connection connection = ((Driver) realm.loadClass("org.postgresql.Driver").getConstructor()
                        .newInstance()).connect(db.url(), new Properties());
                        java.sql.Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    for (String each : sql) {
                        statement.addBatch(each);
                    }
                    BatchUpdateException thrown = catchThrowableOfType(statement::executeBatch,
                            BatchUpdateException.class);
                    connection.rollback();
                    return thrown;
                }
            });
            Class<?> statementClass = realm.loadClass(Statement.class.getName());
            List<Object> batch = new ArrayList<>();
            for (int i = 0; i < sql.size(); i++) {
                batch.add(statementClass.getConstructor(String.class, int.class).newInstance(sql.get(i), i + 1));
            }
            Method failedStatement = realm.loadClass(PostgresBatches.class.getName()).getDeclaredMethod(
                    "failedStatement", BatchUpdateException.class, List.class);
            failedStatement.setAccessible(true);

            assertThat(failure.getMessage()).startsWith("Пакетный запрос 2 INSERT INTO missing VALUES (1) прерван");
            assertThat(failure.getUpdateCounts()).containsOnly(java.sql.Statement.EXECUTE_FAILED);
            assertThat(failedStatement.invoke(null, failure, batch)).isEqualTo(OptionalInt.of(2));
            // named from the driver's message alone: the one value a rollback cannot give back was taken once
            assertThat(db.column("SELECT last_value || ' ' || is_called FROM s")).containsExactly("1 true");
        }
    }

    /** Runs {@code work} with the JVM's default locale Russian, and puts the locale back at once. */
    private static <T> T inRussian(java.util.concurrent.Callable<T> work) throws Exception {
        Locale locale = Locale.getDefault();
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.forLanguageTag("ru"));
        try {
            return work.call();
        } finally {
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }
}
