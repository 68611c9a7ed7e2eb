package dev.migrate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Connections have time limits: a server that accepts the connection and never answers fails the
 * connection with a clear message instead of hanging the build, and an unknown host is named.
 */
class ConnectionTimeLimitsTest {

    @Test
    void postgresConnectionsGetConnectAndLoginTimeoutsAndKeepAliveUnlessTheUrlSetsThem() {
        Dialect postgres = Dialects.forUrl("jdbc:postgresql://db/app");
        Properties properties = new Properties();
        postgres.addConnectionProperties("jdbc:postgresql://db/app", properties);
        assertThat(properties).containsEntry("connectTimeout", "10").containsEntry("loginTimeout", "30")
                .containsEntry("tcpKeepAlive", "true");

        Properties own = new Properties();
        postgres.addConnectionProperties("jdbc:postgresql://db/app?loginTimeout=5", own);
        assertThat(own).doesNotContainKey("loginTimeout").containsEntry("connectTimeout", "10");
    }

    @Test
    void serverThatAcceptsAndNeverAnswersFailsWithinTheLoginTimeout() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // and never say a word
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/app?loginTimeout=1";

            assertThatThrownBy(() -> Database.connect(dev.migrate.testing.Products.POSTGRES, url, "u", "secret"))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:" + silent.getLocalPort())
                    .hasMessageContaining("timed out")
                    .hasMessageNotContaining("secret");
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void unknownHostKeepsItsCauseInTheMessage() {
        assertThatThrownBy(() -> Database.connect(dev.migrate.testing.Products.POSTGRES, "jdbc:postgresql://no-such-host.invalid/app", "u", "hunter2"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("UnknownHostException")
                .hasMessageContaining("no-such-host.invalid");
    }
}
