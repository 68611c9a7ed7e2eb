package dev.migrate.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.Database;
import dev.migrate.database.Dialects;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On the plugin's PostgreSQL connections a catalog query the driver prepared on the server stays
 * prepared while revisions run DDL on the same connection (it is not parsed and planned again after
 * each CREATE, DROP or ALTER), and a URL can still ask for the driver's own behaviour.
 */
class PreparedAcrossDdlTest {

    /** The server-side names of the statements the driver prepared, after each of 8 look-ups with DDL between. */
    static List<String> namesAcrossDdl(String url) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Database database = Database.connect(Dialects.forUrl(url), url, null, null)) {
            Connection connection = database.connection();
            for (int i = 0; i < 8; i++) {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("CREATE TABLE t" + i + " (id int PRIMARY KEY); ALTER TABLE t" + i + " ADD COLUMN n int;"
                            + " DROP TABLE t" + i);
                }
                // as the row seeder looks tables up: a new statement object for the same query each time
                try (PreparedStatement lookup = connection.prepareStatement(
                        "SELECT count(*) FROM pg_catalog.pg_class WHERE relname = ANY (?::name[])")) {
                    lookup.setArray(1, connection.createArrayOf("text", new Object[] {"t" + i}));
                    try (ResultSet rs = lookup.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1)).isZero();
                    }
                }
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT coalesce(string_agg(name, ','), '-')"
                                + " FROM pg_prepared_statements WHERE NOT from_sql")) {
                    rs.next();
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Test
    void aCatalogLookUpStaysPreparedWhileRevisionsRunDdl() throws SQLException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            List<String> names = namesAcrossDdl(db.url());

            // the driver prepares it on the server at its fifth use, then keeps it
            assertThat(names.subList(4, 8)).hasSize(4).allSatisfy(name -> assertThat(name).isEqualTo(names.get(4)))
                    .noneMatch("-"::equals);
        }
    }

    @Test
    void aUrlThatAsksForTheDriversFlushGetsIt() throws SQLException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "flushCacheOnDdl=true";

            List<String> names = namesAcrossDdl(url);

            assertThat(names.subList(4, 8)).doesNotHaveDuplicates();
        }
    }
}
