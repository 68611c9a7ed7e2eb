package dev.migrate.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.Database;
import dev.migrate.database.Dialects;
import dev.migrate.testing.Products;
import dev.migrate.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The plugin's PostgreSQL connections assume a server of 9.0 or later unless the URL says otherwise,
 * so that the driver sends the application name with the login instead of in a SET of its own.
 */
class PostgresLoginTest {

    @Test
    void aServerOf90OrLaterIsAssumedUnlessTheUrlSaysWhich() {
        Properties added = new Properties();
        Products.POSTGRES.addConnectionProperties("jdbc:postgresql://db/app", added);
        assertThat(added).containsEntry("assumeMinServerVersion", "9.0");

        Properties own = new Properties();
        Products.POSTGRES.addConnectionProperties("jdbc:postgresql://db/app?assumeMinServerVersion=12", own);
        assertThat(own).doesNotContainKey("assumeMinServerVersion").containsEntry("ApplicationName",
                "migrate-maven-plugin");
    }

    @Test
    void theApplicationNameComesWithTheLogin() throws SQLException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            assertThat(applicationNameAsSet(db.url())).isEqualTo("migrate-maven-plugin from client");
        }
    }

    @Test
    void aUrlThatAssumesAnOlderServerKeepsItsOwnValue() throws SQLException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "assumeMinServerVersion=8.4";

            // the driver then sets the name once logged in, as it must for a server older than 9.0
            assertThat(applicationNameAsSet(url)).isEqualTo("migrate-maven-plugin from session");
        }
    }

    /** The session's application name and where the server got it: the login ({@code client}) or a SET. */
    private static String applicationNameAsSet(String url) throws SQLException {
        try (Database database = Database.connect(Dialects.forUrl(url), url, null, null);
                Statement statement = database.connection().createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT setting || ' from ' || source FROM pg_settings WHERE name = 'application_name'")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
