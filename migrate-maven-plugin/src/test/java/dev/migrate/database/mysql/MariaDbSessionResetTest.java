package dev.migrate.database.mysql;

import static dev.migrate.testing.Ids.R1;
import static dev.migrate.testing.Ids.R2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.database.Database;
import dev.migrate.testing.FreshMariaDb;
import dev.migrate.testing.RecordingListener;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.verify.VerifyOptions;
import dev.migrate.verify.VerifyResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify reuses one MariaDB connection between plans, and nothing a revision left in its session reaches the next plan. */
class MariaDbSessionResetTest {

    /** Session variables that differ between any two connections, new or not. */
    static final Set<String> PER_CONNECTION = Set.of("PSEUDO_THREAD_ID", "RAND_SEED1", "RAND_SEED2", "TIMESTAMP");

    @TempDir
    Path dir;

    @FreshMariaDb.Each
    TestDatabase db;
    @FreshMariaDb.Each
    TestDatabase other;

    @Test
    void resetConnectionIsIndistinguishableFromANewOne() throws SQLException {
        MysqlDialect dialect = new MysqlDialect();
        Map<String, String> fresh;
        try (Database database = Database.connect(dialect, db.url(), null, null)) {
            fresh = session(database.connection());
        }
        try (Database database = Database.connect(dialect, db.url(), null, null)) {
            Connection connection = database.connection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET @leak = 1");
                statement.execute("SET SESSION sql_mode = 'ANSI_QUOTES'");
                statement.execute("SET NAMES latin1");
                statement.execute("SET time_zone = '+05:00'");
                statement.execute("SET SESSION innodb_lock_wait_timeout = 3");
                statement.execute("CREATE TEMPORARY TABLE leak_tmp (i INT)");
                statement.execute("SET autocommit = 0");
                statement.execute("USE " + other.name());
            }

            assertThat(dialect.resetSession(connection)).isTrue();

            assertThat(session(connection)).isEqualTo(fresh);
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(connection.getNetworkTimeout()).isZero();
        }
    }

    @Test
    void whatTheUrlHadTheDriverSetAtLoginComesBackAfterTheReset() throws SQLException {
        MysqlDialect dialect = new MysqlDialect();
        String url = db.url() + "&sessionVariables=innodb_lock_wait_timeout=7,sql_mode='ANSI_QUOTES'";
        Map<String, String> fresh;
        try (Database database = Database.connect(dialect, url, null, null)) {
            fresh = session(database.connection());
        }
        assertThat(fresh).containsEntry("INNODB_LOCK_WAIT_TIMEOUT", "7");
        try (Database database = Database.connect(dialect, url, null, null)) {
            Connection connection = database.connection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION innodb_lock_wait_timeout = 3, sql_mode = ''");
            }

            assertThat(dialect.resetSession(connection)).isTrue();

            assertThat(session(connection)).isEqualTo(fresh);
        }
    }

    @Test
    void connectionWhoseUrlTurnsTheResetOffIsNotReused() throws SQLException {
        MysqlDialect dialect = new MysqlDialect();
        try (Database database = Database.connect(dialect, db.url() + "&useResetConnection=false", null, null)) {
            assertThat(dialect.resetSession(database.connection())).isFalse();
        }
    }

    @Test
    void onlyMariaDbFrom10313OnHasTheReset() {
        assertThat(MysqlSession.sendsReset("MariaDB", "10.3.13-MariaDB")).isTrue();
        assertThat(MysqlSession.sendsReset("MariaDB", "11.4.2-MariaDB-ubu2404")).isTrue();
        assertThat(MysqlSession.sendsReset("MariaDB", "10.3.12-MariaDB")).isFalse();
        assertThat(MysqlSession.sendsReset("MariaDB", "10.2.40-MariaDB")).isFalse();
        assertThat(MysqlSession.sendsReset("MySQL", "8.0.36")).isFalse();
    }

    @Test
    void planAfterARevisionThatDirtiedItsSessionRunsOnTheSameCleanConnection() throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE seen (revision VARCHAR(20), connection_id BIGINT, leak INT,"
                    + " sql_mode VARCHAR(500), tmp_rows INT)");
        }
        String seen = db.name() + ".seen";
        RevisionFiles files = RevisionFiles.in(dir);
        files.add(R1 + "_dirty", "base", "CREATE TABLE one (id INT);\n"
                + "INSERT INTO " + seen + " (revision, connection_id) VALUES ('r1', CONNECTION_ID());\n"
                + "SET @leak = 1;\n"
                + "SET SESSION sql_mode = 'ANSI_QUOTES';\n"
                + "CREATE TEMPORARY TABLE leak_tmp (i INT);\n"
                + "INSERT INTO leak_tmp VALUES (1);", "DROP TABLE one;");
        files.add(R2 + "_look", R1, "CREATE TABLE two (id INT);\n"
                + "CREATE TEMPORARY TABLE IF NOT EXISTS leak_tmp (i INT);\n"
                + "INSERT INTO " + seen + " SELECT 'r2', CONNECTION_ID(), @leak, @@session.sql_mode,"
                + " (SELECT COUNT(*) FROM leak_tmp);\n"
                + "DROP TEMPORARY TABLE leak_tmp;", "DROP TABLE two;");

        VerifyResult result = new Migrator(new MigrateConfig(db.url(), null, null, null, dir, null),
                new RecordingListener()).verify(VerifyOptions.defaults());

        assertThat(result.errors()).isEmpty();
        List<String> r1Connections = new ArrayList<>();
        List<String> r2Rows = new ArrayList<>();
        String freshMode;
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT @@session.sql_mode")) {
                rs.next();
                freshMode = rs.getString(1);
            }
            try (ResultSet rs = statement.executeQuery("SELECT revision, connection_id, leak, sql_mode,"
                    + " tmp_rows FROM seen")) {
                while (rs.next()) {
                    if (rs.getString(1).equals("r1")) {
                        r1Connections.add(rs.getString(2));
                    } else {
                        r2Rows.add(rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4).equals(freshMode)
                                + " " + rs.getInt(5));
                    }
                }
            }
        }
        // the stairway upgrades r2 twice in plans of its own, after plans of r1 on the same connection: neither
        // sees what r1 left (the full cycle's one plan upgrades r1 and r2 together in one session, as upgrade does)
        assertThat(r2Rows).filteredOn(row -> row.endsWith(" null true 0")).hasSize(2)
                .allSatisfy(row -> assertThat(r1Connections).contains(row.substring(0, row.indexOf(' '))));
    }

    /** Every session variable, the current database, a user variable and whether a temporary table is there. */
    static Map<String, String> session(Connection connection) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT variable_name, variable_value FROM information_schema.session_variables")) {
                while (rs.next()) {
                    if (!PER_CONNECTION.contains(rs.getString(1))) {
                        values.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT DATABASE(), @leak")) {
                rs.next();
                values.put("database()", rs.getString(1));
                values.put("@leak", rs.getString(2));
            }
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM leak_tmp")) {
                values.put("leak_tmp", "still there");
            } catch (SQLException e) {
                values.put("leak_tmp", "gone");
            }
        }
        return values;
    }
}
