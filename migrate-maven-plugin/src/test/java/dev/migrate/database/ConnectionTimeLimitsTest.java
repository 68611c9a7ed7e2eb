package dev.migrate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.testing.MariaDbServer;
import dev.migrate.testing.Products;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connections have time limits ({@code migrate.connectTimeout}): a server that accepts the
 * connection and never answers fails the connection with a clear message instead of hanging the
 * build, an unknown host is named, and a statement longer than the limit still runs.
 */
class ConnectionTimeLimitsTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket silent;

    /** A local server that accepts every connection and never says a word. */
    @BeforeEach
    void openSilentServer() throws IOException {
        silent = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void closeSilentServer() throws IOException {
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void postgresGetsConnectAndLoginTimeoutsOfTheSettingAndKeepAliveUnlessTheUrlSetsThem() {
        Dialect postgres = Products.POSTGRES;
        Properties properties = new Properties();
        postgres.addConnectionProperties("jdbc:postgresql://db/app", properties);
        boolean lifted = postgres.addTimeLimits("jdbc:postgresql://db/app", properties, 7);
        assertThat(properties).containsEntry("connectTimeout", "7").containsEntry("loginTimeout", "7")
                .containsEntry("tcpKeepAlive", "true").doesNotContainKey("socketTimeout");
        assertThat(lifted).isFalse();

        Properties own = new Properties();
        postgres.addTimeLimits("jdbc:postgresql://db/app?loginTimeout=5", own, 7);
        assertThat(own).doesNotContainKey("loginTimeout").containsEntry("connectTimeout", "7");
    }

    @Test
    void mariaDbGetsConnectAndReadTimeoutsInMillisecondsAndTheReadOneIsForLoggingInOnly() {
        Properties properties = new Properties();
        boolean lifted = Products.MYSQL.addTimeLimits("jdbc:mariadb://db/app", properties, 7);
        assertThat(properties).containsEntry("connectTimeout", "7000").containsEntry("socketTimeout", "7000");
        assertThat(lifted).isTrue();

        Properties own = new Properties();
        assertThat(Products.MYSQL.addTimeLimits("jdbc:mariadb://db/app?socketTimeout=600000", own, 7)).isFalse();
        assertThat(own).doesNotContainKey("socketTimeout");
    }

    @Test
    void anyOtherDriverGetsTheStandardLoginTimeout() {
        int before = DriverManager.getLoginTimeout();
        try {
            Dialects.forUrl("jdbc:sqlite:app.db").addTimeLimits("jdbc:sqlite:app.db", new Properties(), 7);
            assertThat(DriverManager.getLoginTimeout()).isEqualTo(7);
        } finally {
            DriverManager.setLoginTimeout(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://127.0.0.1:%d/app", "jdbc:mariadb://127.0.0.1:%d/app"})
    void serverThatAcceptsAndNeverAnswersFailsWithinTheLimit(String pattern) {
        String url = String.format(pattern, silent.getLocalPort());

        assertThatThrownBy(() -> Database.connect(Dialects.forUrl(url), new ConnectionSettings(url, "u", "secret",
                ONE_SECOND)))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot connect to " + url)
                .hasMessageContaining("timed out")
                .hasMessageContaining("answers within migrate.connectTimeout, 1 s")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theSettingReachesEveryConnectionOfAGoal(@TempDir Path work) {
        String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/app";
        Migrator migrator = new Migrator(new MigrateConfig(url, "u", null, null, work, null, null, null, ONE_SECOND),
                MigrationListener.SILENT);

        assertThatThrownBy(migrator::status).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("migrate.connectTimeout, 1 s");
    }

    @Test
    void theSettingReachesTheScratchDatabaseOfVerifyAndAutogenerate() {
        String silentUrl = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/scratch";
        DatabaseTarget project = DatabaseTarget.resolve("jdbc:postgresql://127.0.0.1:5432/app", "u", null, null, "migrate_history",
                ONE_SECOND);
        dev.migrate.scratch.ScratchDatabase scratch = dev.migrate.scratch.ScratchDatabase.open(project, silentUrl);

        assertThatThrownBy(scratch::connect).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot connect to " + silentUrl)
                .hasMessageContaining("migrate.connectTimeout, 1 s");
    }

    @Test
    void refusesANegativeSetting(@TempDir Path work) {
        assertThatThrownBy(() -> new MigrateConfig("jdbc:h2:mem:x", null, null, null, work, null, null, null,
                Duration.ofSeconds(-1))).hasMessageContaining("migrate.connectTimeout is -1 seconds");
    }

    @Test
    void aStatementLongerThanTheLimitStillRunsOnMariaDb() throws Exception {
        MariaDbServer.require();
        String url = MariaDbServer.adminUrl();
        try (Database database = Database.connect(Products.MYSQL, new ConnectionSettings(url, null, null, ONE_SECOND));
                Statement statement = database.connection().createStatement();
                ResultSet slept = statement.executeQuery("SELECT SLEEP(2)")) {
            assertThat(slept.next()).isTrue();
            assertThat(slept.getInt(1)).isZero(); // SLEEP answers 0 when it was not interrupted
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://no-such-host.invalid/app", "jdbc:mariadb://no-such-host.invalid/app"})
    void unknownHostKeepsItsCauseInTheMessage(String url) {
        assertThatThrownBy(() -> Database.connect(Dialects.forUrl(url), new ConnectionSettings(url, "u", "hunter2")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("no-such-host.invalid")
                .hasMessageNotContaining("hunter2");
    }
}
