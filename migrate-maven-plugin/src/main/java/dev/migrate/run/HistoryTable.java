package dev.migrate.run;

import dev.migrate.database.Database;
import dev.migrate.database.Identifier;
import dev.migrate.history.AppliedRevision;
import dev.migrate.history.HistoryRowChangedException;
import dev.migrate.history.InconsistentHistoryException;
import dev.migrate.history.RowState;
import dev.migrate.revision.Revision;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The table that records which revisions are applied: one row per revision. Created on first use
 * by a goal that moves the database; read-only goals treat a missing table as "nothing applied".
 */
final class HistoryTable {

    private static final String COLUMNS = "revision, parents, message, upgrade_checksum, downgrade_checksum,"
            + " applied_at, applied_by, duration_ms, state, statements_done, error";
    /**
     * What a new row holds, column by column as {@link #COLUMNS} names them: {@code ?} where
     * {@link #newRow} gives the value. Both the prepared insert and its text form are made from it.
     */
    private static final String NEW_ROW = "?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?, ?, ?, ?, NULL";
    /** Added after the first release: a table made by an older one lacks it until a run adds it. */
    private static final String DONE_CHECKSUMS = "done_checksums";

    private final Database database;
    private final Identifier schema;
    private final Identifier table;
    private final String qualifiedName;
    /**
     * The session's schema where a revision can move the session elsewhere
     * ({@link dev.migrate.database.Dialect#movableSchema}), read once before any revision runs; null
     * where it cannot move.
     */
    private final Identifier home;
    /** The name the statements use: qualified with {@link #home} unless a schema is configured. */
    private final String writtenName;
    /** The table's name as a word of SQL, whatever the case (see {@link #mayBeNamedIn}). */
    private final Pattern nameToken;
    private PreparedStatement insert;
    /** {@link #insert} with the commit after it ({@link dev.migrate.database.Dialect#commitsWithWrite}). */
    private PreparedStatement insertCommitting;
    private PreparedStatement delete;
    /** {@link #deleteIfPresent(String, boolean)}'s statement, with the commit after it or without. */
    private PreparedStatement deleteIfPresent;
    private PreparedStatement deleteIfPresentCommitting;
    private PreparedStatement update;
    private String appliedBy;
    // a table that exists stays: one catalog lookup per run, however often the history is read
    private boolean known;
    // null until looked up: whether the table has the done_checksums column
    private Boolean hasDoneChecksums;
    private boolean columnsChecked;

    HistoryTable(Database database, Identifier schema, Identifier table) throws SQLException {
        this.database = database;
        this.schema = schema;
        this.table = table;
        this.qualifiedName = qualifiedName(schema, table);
        this.home = database.dialect().movableSchema(database.connection());
        this.writtenName = schema != null ? qualifiedName : qualifiedName(home, table);
        this.nameToken = Pattern.compile("(?<![\\p{L}\\p{N}_$])" + Pattern.quote(table.name())
                + "(?![\\p{L}\\p{N}_$])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static String qualifiedName(Identifier schema, Identifier table) {
        return schema == null ? table.name() : schema.name() + "." + table.name();
    }

    public String qualifiedName() {
        return qualifiedName;
    }

    /**
     * The schema the session was in when this table was opened, where a revision can move the
     * session elsewhere (MySQL's {@code USE}); null where it cannot.
     */
    Identifier home() {
        return home;
    }

    public Database database() {
        return database;
    }

    public boolean exists() throws SQLException {
        if (known) {
            return true;
        }
        Connection connection = database.connection();
        String query = database.dialect().tableExistsQuery();
        if (query != null) {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setString(1, schema == null ? null : database.dialect().fold(schema));
                statement.setString(2, database.dialect().fold(table));
                try (ResultSet rows = statement.executeQuery()) {
                    known = rows.next();
                    return known;
                }
            }
        }
        DatabaseMetaData meta = connection.getMetaData();
        boolean upper = meta.storesUpperCaseIdentifiers();
        String schemaName = schema != null ? schema.folded(upper) : connection.getSchema();
        try (ResultSet tables = meta.getTables(null, schemaName, table.folded(upper), null)) {
            known = tables.next();
            return known;
        }
    }

    /**
     * Creates the table, or adds the columns a table made by an older release lacks.
     *
     * @return whether the table was created now, and so has no rows yet (the caller holds the lock)
     */
    public boolean createIfMissing() throws SQLException {
        boolean exists = exists();
        if (exists && hasDoneChecksums()) {
            return false;
        }
        Connection connection = database.connection();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(exists ? database.dialect().addHistoryColumnSql(writtenName, DONE_CHECKSUMS)
                    : database.dialect().createHistoryTableSql(writtenName));
            known = true;
            hasDoneChecksums = true;
            // made by this plugin just now: every column is there, no need to look
            columnsChecked = columnsChecked || !exists;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return !exists;
    }

    private boolean hasDoneChecksums() throws SQLException {
        if (hasDoneChecksums == null) {
            Connection connection = database.connection();
            DatabaseMetaData meta = connection.getMetaData();
            boolean upper = meta.storesUpperCaseIdentifiers();
            String schemaName = schema != null ? schema.folded(upper) : connection.getSchema();
            String column = upper ? DONE_CHECKSUMS.toUpperCase(Locale.ROOT) : DONE_CHECKSUMS;
            try (ResultSet columns = meta.getColumns(null, schemaName, table.folded(upper), column)) {
                hasDoneChecksums = columns.next();
            }
        }
        return hasDoneChecksums;
    }

    /** Every recorded revision, by id; empty when the table does not exist yet. */
    public List<AppliedRevision> read() throws SQLException {
        if (!exists()) {
            return List.of();
        }
        requireColumns();
        List<AppliedRevision> rows = new ArrayList<>();
        try (Statement statement = database.connection().createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + COLUMNS + ", "
                        + (hasDoneChecksums() ? DONE_CHECKSUMS : "NULL") + " FROM " + writtenName
                        + " ORDER BY revision")) {
            while (rs.next()) {
                String parents = rs.getString(2);
                Timestamp appliedAt = rs.getTimestamp(6);
                rows.add(new AppliedRevision(
                        rs.getString(1).trim(),
                        parents == null || parents.isBlank() ? List.of() : Arrays.asList(parents.split(",")),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        appliedAt == null ? null : appliedAt.toInstant(),
                        rs.getString(7),
                        rs.getLong(8),
                        state(rs.getString(1).trim(), rs.getString(9)),
                        rs.getInt(10),
                        rs.getString(11),
                        rs.getString(12)));
            }
        }
        return rows;
    }

    private RowState state(String revision, String value) {
        try {
            return RowState.fromDb(value);
        } catch (IllegalArgumentException e) {
            throw new InconsistentHistoryException("the row of revision " + revision + " in " + qualifiedName
                    + " has state '" + value + "', which this plugin never writes (it writes "
                    + java.util.Arrays.stream(RowState.values()).map(RowState::dbValue)
                            .collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
    }

    /**
     * A table that exists but lacks a column the plugin reads was made by another tool or changed
     * by hand: said as such, rather than as the failed query it would otherwise be.
     */
    private void requireColumns() throws SQLException {
        if (columnsChecked) {
            return;
        }
        Connection connection = database.connection();
        DatabaseMetaData meta = connection.getMetaData();
        boolean upper = meta.storesUpperCaseIdentifiers();
        String schemaName = schema != null ? schema.folded(upper) : connection.getSchema();
        List<String> present = new ArrayList<>();
        try (ResultSet columns = meta.getColumns(null, schemaName, table.folded(upper), null)) {
            while (columns.next()) {
                present.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> missing = Arrays.stream(COLUMNS.split(",")).map(String::strip)
                .filter(column -> !present.contains(column)).toList();
        if (!present.isEmpty() && !missing.isEmpty()) {
            throw new InconsistentHistoryException("the history table " + qualifiedName + " has no column "
                    + String.join(", ", missing) + ": it was made by another tool or changed by hand, and the plugin"
                    + " cannot tell what is applied. Point migrate.table at the plugin's own history table, or restore"
                    + " the column(s)");
        }
        columnsChecked = true;
    }

    /** Records {@code revision} in {@code state}, within whatever transaction the connection is in. */
    public void insert(Revision revision, long durationMillis, RowState state) throws SQLException {
        insert(revision, durationMillis, state, 0);
    }

    /**
     * {@link #insert(Revision, long, RowState)} with {@code statementsDone} recorded: in one write,
     * the row a run statement by statement leaves when it finishes.
     */
    public void insert(Revision revision, long durationMillis, RowState state, int statementsDone)
            throws SQLException {
        insert(revision, durationMillis, state, statementsDone, false);
    }

    /**
     * {@link #insert(Revision, long, RowState, int)}, and when {@code commit} the commit of the
     * connection's transaction in the same round trip (where the dialect
     * {@linkplain dev.migrate.database.Dialect#commitsWithWrite commits with a write}): a failed
     * insert leaves the transaction uncommitted, to be rolled back by the caller.
     */
    public void insert(Revision revision, long durationMillis, RowState state, int statementsDone, boolean commit)
            throws SQLException {
        if (appliedBy == null) {
            appliedBy = appliedBy();
        }
        String sql = "INSERT INTO " + writtenName + " (" + COLUMNS + ") VALUES (" + NEW_ROW + ")";
        PreparedStatement insert;
        if (commit) {
            insert = insertCommitting != null ? insertCommitting
                    : (insertCommitting = database.connection().prepareStatement(sql + "; COMMIT"));
        } else {
            insert = this.insert != null ? this.insert : (this.insert = database.connection().prepareStatement(sql));
        }
        List<Object> values = newRow(revision, durationMillis, state, statementsDone);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof Long number) {
                insert.setLong(i + 1, number);
            } else if (values.get(i) instanceof Integer number) {
                insert.setInt(i + 1, number);
            } else {
                insert.setString(i + 1, (String) values.get(i));
            }
        }
        insert.executeUpdate();
    }

    /** The values of a new row, one for each {@code ?} of {@link #NEW_ROW}: text (or null), a long or an int. */
    private List<Object> newRow(Revision revision, long durationMillis, RowState state, int statementsDone) {
        return Arrays.asList(revision.id(), String.join(",", revision.parents()), revision.message(),
                revision.upgrade().checksum(), revision.downgrade().checksum(), appliedBy, durationMillis,
                state.dbValue(), statementsDone);
    }

    /**
     * The write {@link #insert(Revision, long, RowState)} makes, as SQL text with its values in it,
     * to go in a batch with the revision's statements (see {@link PlanRunner}); null where the
     * dialect cannot write one of the values as a literal ({@link dev.migrate.database.Dialect#textLiteral}).
     * The duration is 0: the text goes out in the same batch as the revision's statements, before
     * any of them ran, so how long they take is not known yet; and it is written only to a scratch
     * database, which reads the ids alone.
     */
    String insertText(Revision revision, RowState state) throws SQLException {
        if (appliedBy == null) {
            appliedBy = appliedBy();
        }
        Iterator<Object> values = newRow(revision, 0, state, 0).iterator();
        StringBuilder row = new StringBuilder();
        for (String part : NEW_ROW.split("\\?", -1)) {
            row.append(part);
            if (values.hasNext()) {
                Object value = values.next();
                if (value instanceof Number number) {
                    row.append(number);
                } else if (!literal(row, (String) value)) {
                    return null;
                }
            }
        }
        return "INSERT INTO " + writtenName + " (" + COLUMNS + ") VALUES (" + row + ")";
    }

    /** The write {@link #deleteIfPresent(String)} makes, as text (see {@link #insertText}); null where it cannot. */
    String deleteText(String id) {
        StringBuilder literal = new StringBuilder();
        return literal(literal, id) ? "DELETE FROM " + writtenName + " WHERE revision = " + literal : null;
    }

    /** After {@link #deleteText} ran: as {@link #deleteIfPresent(String)} does with the count it removed. */
    void deletedAsText(String id, int rows) {
        if (rows > 1) {
            requireOne(rows, id, "delete");
        }
    }

    /** Appends {@code value} as a literal (SQL null for null); false where the dialect cannot write it. */
    private boolean literal(StringBuilder sql, String value) {
        if (value == null) {
            sql.append("NULL");
            return true;
        }
        String literal = database.dialect().textLiteral(value);
        if (literal == null) {
            return false;
        }
        sql.append(literal);
        return true;
    }

    /**
     * Updates the row of an existing revision: its state, progress, error and duration; the
     * checksums are re-recorded from {@code revision}, so a finished revision records the file that
     * finished it.
     */
    public void update(Revision revision, RowState state, int statementsDone, String error, long durationMillis)
            throws SQLException {
        update(revision, state, statementsDone, null, error, durationMillis);
    }

    /**
     * {@link #update(Revision, RowState, int, String, long)}, recording also the checksums of the
     * statements done ({@code doneChecksums}, null once the revision is no longer unfinished).
     */
    public void update(Revision revision, RowState state, int statementsDone, String doneChecksums, String error,
            long durationMillis) throws SQLException {
        if (update == null) {
            update = database.connection().prepareStatement("UPDATE " + writtenName + " SET state = ?,"
                    + " statements_done = ?, error = ?, duration_ms = ?, upgrade_checksum = ?, downgrade_checksum = ?,"
                    + " message = ?, " + DONE_CHECKSUMS + " = ? WHERE revision = ?");
        }
        update.setString(1, state.dbValue());
        update.setInt(2, statementsDone);
        update.setString(3, error);
        update.setLong(4, durationMillis);
        update.setString(5, revision.upgrade().checksum());
        update.setString(6, revision.downgrade().checksum());
        update.setString(7, revision.message());
        update.setString(8, doneChecksums);
        update.setString(9, revision.id());
        requireOne(update.executeUpdate(), revision.id(), "update");
    }

    /** Re-records the checksums of {@code revision}'s row, leaving everything else as it is. */
    public void recordChecksums(Revision revision) throws SQLException {
        try (PreparedStatement statement = database.connection().prepareStatement("UPDATE " + writtenName
                + " SET upgrade_checksum = ?, downgrade_checksum = ? WHERE revision = ?")) {
            statement.setString(1, revision.upgrade().checksum());
            statement.setString(2, revision.downgrade().checksum());
            statement.setString(3, revision.id());
            requireOne(statement.executeUpdate(), revision.id(), "re-record checksums");
        }
    }

    /** The database user, or the operating-system user where the database has none (embedded H2). */
    private String appliedBy() throws SQLException {
        String user = database.connection().getMetaData().getUserName();
        return user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user;
    }

    /**
     * Whether {@code sql} may name this table: its name stands in it as a whole identifier, whatever
     * the case, bare, quoted or after a schema ({@code migrate_history_archive} does not count). A
     * statement that does may write the rows a run's journal keeps.
     */
    public boolean mayBeNamedIn(String sql) {
        return nameToken.matcher(sql).find();
    }

    /** Whether {@code id} has a row, read within whatever transaction the connection is in. */
    public boolean hasRow(String id) throws SQLException {
        try (PreparedStatement statement = database.connection().prepareStatement(
                "SELECT 1 FROM " + writtenName + " WHERE revision = ?")) {
            statement.setString(1, id);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Removes {@code id}'s row, within whatever transaction the connection is in. */
    public void delete(String id) throws SQLException {
        if (delete == null) {
            delete = database.connection().prepareStatement("DELETE FROM " + writtenName + " WHERE revision = ?");
        }
        delete.setString(1, id);
        requireOne(delete.executeUpdate(), id, "delete");
    }

    /**
     * Removes {@code id}'s row where there is one: a squash undone after its replaced files were
     * pruned also undoes the rows they left, which a database that ran the squash never had.
     */
    public void deleteIfPresent(String id) throws SQLException {
        deleteIfPresent(id, false);
    }

    /**
     * {@link #deleteIfPresent(String)}, and when {@code commit} the commit of the connection's
     * transaction in the same round trip (see {@link #insert(Revision, long, RowState, int, boolean)});
     * only for a table that keeps its primary key, since the count is known after the commit.
     */
    public void deleteIfPresent(String id, boolean commit) throws SQLException {
        String sql = "DELETE FROM " + writtenName + " WHERE revision = ?";
        PreparedStatement statement;
        if (commit) {
            statement = deleteIfPresentCommitting != null ? deleteIfPresentCommitting
                    : (deleteIfPresentCommitting = database.connection().prepareStatement(sql + "; COMMIT"));
        } else {
            statement = deleteIfPresent != null ? deleteIfPresent
                    : (deleteIfPresent = database.connection().prepareStatement(sql));
        }
        statement.setString(1, id);
        int rows = statement.executeUpdate();
        if (rows > 1) {
            requireOne(rows, id, "delete");
        }
    }

    /** A write meant for one row that changed none or several means the table changed behind the lock. */
    private void requireOne(int rows, String id, String write) {
        if (rows != 1) {
            throw new HistoryRowChangedException(qualifiedName, id, write, rows);
        }
    }
}
