package dev.migrate.autogenerate;

import dev.migrate.run.MigrationRun;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.Dialect;
import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.verify.ScratchDatabase;
import dev.migrate.database.SnapshotReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A scratch database autogenerate and check work in, brought to a known state: the revisions'
 * head (by the plugin's own upgrade) or the desired schema's SQL files. Reads its snapshot and its
 * sequence owners, and serves the proof.
 */
final class Workbench implements Proof.Scratch, AutoCloseable {

    private final ScratchDatabase scratch;
    private final Identifier schema;
    private final Identifier table;
    private List<Revision> applied = List.of();
    private SnapshotFilter filter = SnapshotFilter.NONE;

    Workbench(ScratchDatabase scratch, Identifier schema, Identifier table) {
        this.scratch = scratch;
        this.schema = schema == null ? null : scratch.dialect().scratchSchema(schema);
        this.table = table;
    }

    /** Leaves {@code leftOut}'s objects out of every snapshot read from now on. */
    Workbench leaving(SnapshotFilter leftOut) {
        this.filter = leftOut;
        return this;
    }

    Dialect dialect() {
        return scratch.dialect();
    }

    String description() {
        return scratch.description();
    }

    /** Upgrades {@code revisions} (in this order) in the scratch database. */
    void upgrade(List<Revision> revisions) {
        applied = List.copyOf(revisions);
        try (Database database = open()) {
            MigrationRun.createHistoryTable(database, schema, table);
            if (!revisions.isEmpty()) {
                MigrationRun.runUnchecked(database, schema, table, new Plan(Direction.UP, revisions));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot build the revisions in " + scratch.description() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs every statement of the desired schema's files. A failing statement does not stop the
     * others: every one that fails is reported together, with its file and line, as revision files
     * are.
     */
    void applySqlFiles(DesiredFiles files) {
        List<String> failures = new ArrayList<>();
        try (Database database = open(); Statement statement = database.connection().createStatement()) {
            for (DesiredFiles.Located located : files.statements()) {
                try {
                    statement.execute(located.statement().sql());
                } catch (SQLException e) {
                    failures.add(located.file() + ":" + located.statement().line() + ": " + e.getMessage().strip()
                            + " (SQL state " + e.getSQLState() + ")");
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot use " + scratch.description() + ": " + e.getMessage(), e);
        }
        if (!failures.isEmpty()) {
            throw new DesiredSchemaException("the desired schema fails at " + (failures.size() == 1 ? failures.get(0)
                    : failures.size() + " statements:\n" + String.join("\n", failures)) + "\nfix "
                    + (failures.size() == 1 ? "the statement" : "them") + " (they ran in " + scratch.description()
                    + "; a statement that fails because an earlier one did goes away with it)", null);
        }
    }

    SchemaSnapshot snapshot() throws SQLException {
        try (Connection connection = connection()) {
            return read(connection);
        }
    }

    SequenceOwners owners() throws SQLException {
        try (Connection connection = connection()) {
            return SequenceOwners.read(connection, dialect());
        }
    }

    @Override
    public Connection connection() {
        return open().connection();
    }

    @Override
    public SchemaSnapshot read(Connection connection) throws SQLException {
        return filter.apply(readSnapshot(connection, dialect(), table));
    }

    /** A snapshot of the database {@code connection} is on, leaving out the history table {@code table}. */
    static SchemaSnapshot readSnapshot(Connection connection, Dialect dialect, Identifier table) throws SQLException {
        return dialect.snapshotReader().read(connection, connection.getSchema(), dialect.fold(table));
    }

    @Override
    public boolean transactional() {
        return dialect().transactionalDdl();
    }

    @Override
    public void rebuild() {
        scratch.rebuild();
        upgrade(applied);
    }

    private Database open() {
        Database database = scratch.connect();
        if (schema != null) {
            database.useSchema(schema, true);
        }
        return database;
    }

    @Override
    public void close() {
        scratch.close();
    }
}
