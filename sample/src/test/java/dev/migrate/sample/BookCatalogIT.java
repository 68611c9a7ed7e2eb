package dev.migrate.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs after migrate:upgrade (bound to pre-integration-test) against the database it migrated:
 * embedded H2 by default, PostgreSQL with -Dpg, MariaDB with -Dmariadb.
 */
class BookCatalogIT {

    private Connection connection;

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection(System.getProperty("migrate.url"));
        String schema = System.getProperty("migrate.schema", "");
        if (!schema.isBlank()) {
            connection.setSchema(schema);
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void catalogListsTheSeededBooksThatAreInStock() throws SQLException {
        assertThat(new BookCatalog(connection).inStock()).containsExactly(
                new BookCatalog.Book("Invisible Cities", "Italo Calvino", new BigDecimal("11.00"), 5),
                new BookCatalog.Book("The Dispossessed", "Ursula K. Le Guin", new BigDecimal("12.50"), 3));
    }

    @Test
    void everyRevisionIsRecordedAsApplied() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(revision) FROM migrate_history")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(8);
            assertThat(rs.getString(2)).isEqualTo("20261104090000");
        }
    }

    @Test
    void mergeRevisionLinksBothBranches() {
        // an order line must point at a real order (customers branch) and a real book (catalog branch)
        assertThatThrownBy(() -> {
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("INSERT INTO order_lines (order_id, book_id, quantity) VALUES (999, 999, 1)");
            }
        }).isInstanceOf(SQLException.class);
    }
}
