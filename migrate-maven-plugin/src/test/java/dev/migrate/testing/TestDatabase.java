package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database for one test: an in-memory H2 database, or a new database on the real
 * PostgreSQL or MariaDB server that is dropped again on close.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL, MARIADB }

    private final Kind kind;
    private final String url;
    private final String name;

    private TestDatabase(Kind kind, String url, String name) {
        this.kind = kind;
        this.url = url;
        this.name = name;
    }

    public static TestDatabase create(Kind kind) {
        String name = "migrate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Kind.H2) {
            // DB_CLOSE_DELAY keeps the in-memory database alive between the plugin's connections
            return new TestDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", name);
        }
        if (kind == Kind.MARIADB) {
            MariaDbServer.require();
            MariaDbServer.execute("CREATE DATABASE " + name);
            return new TestDatabase(kind, MariaDbServer.urlFor(name), name);
        }
        PostgresServer.require();
        PostgresServer.execute("CREATE DATABASE " + name);
        return new TestDatabase(kind, PostgresServer.urlFor(name), name);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isPostgres() {
        return kind == Kind.POSTGRESQL;
    }

    /** The database's own name (on MariaDB, the schema tables live in). */
    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    /** The database's URL logging in as {@code user} instead (the test servers trust local logins). */
    public String urlAs(String user) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query + 1).replaceAll("(^|&)user=[^&]*", "");
        return base + "?user=" + user + (params.isEmpty() ? "" : params.startsWith("&") ? params : "&" + params);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Names of the tables in the current schema (lower case), sorted. */
    public List<String> tables() {
        return tables(null);
    }

    /**
     * Names of the tables in {@code schema} (lower case), sorted; null means the default schema.
     * H2's migration-lock tables ({@code *_lock}) are left out.
     */
    public List<String> tables(String schema) {
        String schemaName = schema != null ? schema : isPostgres() ? "public" : kind == Kind.MARIADB ? name : "PUBLIC";
        String sql = "SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = LOWER(?)"
                + " AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY 1";
        List<String> names = new ArrayList<>();
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            ps.setString(1, schemaName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1).toLowerCase(Locale.ROOT);
                    if (!(kind == Kind.H2 && name.endsWith("_lock"))) {
                        names.add(name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        names.sort(null);
        return names;
    }

    /** The first column of every row of {@code sql}, as strings. */
    public List<String> column(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Empties this PostgreSQL database in place, for classes whose cases share one: every schema but
     * the system's dropped with all it holds (extensions included), and public made again as a new
     * database has it. Far cheaper than a new database, which copies its template's files to disk.
     * Objects outside schemas (roles, event triggers, casts) are not touched.
     */
    public void emptyPostgres() {
        if (!isPostgres()) {
            throw new IllegalStateException("only a PostgreSQL test database is emptied in place");
        }
        execute("""
                DO $$
                DECLARE s text;
                BEGIN
                  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')
                      AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%' LOOP
                    EXECUTE format('DROP SCHEMA %I CASCADE', s);
                  END LOOP;
                  CREATE SCHEMA public AUTHORIZATION pg_database_owner;
                  GRANT USAGE ON SCHEMA public TO PUBLIC;
                  COMMENT ON SCHEMA public IS 'standard public schema';
                END $$""");
    }

    @Override
    public void close() {
        if (kind == Kind.H2) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        } else if (kind == Kind.MARIADB) {
            MariaDbServer.execute("DROP DATABASE IF EXISTS " + name);
        } else {
            PostgresServer.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case H2 -> "H2";
            case POSTGRESQL -> "PostgreSQL";
            case MARIADB -> "MariaDB";
        };
    }
}
