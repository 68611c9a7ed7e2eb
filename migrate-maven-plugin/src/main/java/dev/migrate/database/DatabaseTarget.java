package dev.migrate.database;

import java.util.Objects;

/**
 * The database a goal works on, resolved once: how to connect, which product it is, and where its
 * history table lives. The facade builds it from the configuration and hands it down, so no code
 * below asks again which product a URL belongs to.
 *
 * @param connection the URL and credentials
 * @param product the database product the URL belongs to
 * @param history where the history table lives
 */
public record DatabaseTarget(ConnectionSettings connection, Dialect product, HistoryLocation history) {

    public DatabaseTarget {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(history, "history");
    }

    /**
     * Resolves the product of {@code url} and checks the history table's schema and name against
     * it ({@code migrate.schema}, {@code migrate.table}).
     *
     * @throws InvalidIdentifierException when the schema or the table is not a plain identifier or is reserved
     */
    public static DatabaseTarget resolve(String url, String user, String password, String schema,
            String historyTable) {
        return resolve(url, user, password, schema, historyTable, ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    /** {@link #resolve(String, String, String, String, String)} with a time limit on connecting. */
    public static DatabaseTarget resolve(String url, String user, String password, String schema,
            String historyTable, java.time.Duration connectTimeout) {
        Dialect product = Dialects.forUrl(url);
        Identifier schemaName = schema == null ? null : product.identifier(schema, "migrate.schema");
        Identifier table = product.identifier(historyTable, "migrate.table");
        return new DatabaseTarget(new ConnectionSettings(url, user, password, connectTimeout), product,
                new HistoryLocation(schemaName, table));
    }

    /**
     * Another database reached with the same credentials and keeping its history in the same place
     * (a {@code verifyUrl}, a desired schema's server), with the product of its own URL.
     */
    public DatabaseTarget at(String otherUrl) {
        return new DatabaseTarget(connection.at(otherUrl), Dialects.forUrl(otherUrl), history);
    }

    public String url() {
        return connection.url();
    }

    public String user() {
        return connection.user();
    }

    public String password() {
        return connection.password();
    }

    /** Opens a connection to this database. */
    public Database connect() {
        return Database.connect(product, connection);
    }

    /**
     * Whether connecting would create the database because it does not exist yet (an embedded
     * database file), so that goals can decide before any connection whether they need it.
     */
    public boolean createsOnConnect() {
        return product.createsOnConnect(url());
    }
}
