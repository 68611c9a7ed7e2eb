package dev.migrate.autogenerate;

import dev.migrate.run.MigrationRun;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.Dialect;
import dev.migrate.database.Identifier;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.sql.StatementSplitter;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.verify.ScratchDatabase;
import dev.migrate.database.SnapshotReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
        this.schema = schema;
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

    /** The statements of one file of the desired schema, split as psql splits them. */
    private static List<dev.migrate.sql.Statement> statements(Path file) {
        try {
            return StatementSplitter.split(Files.readString(file, StandardCharsets.UTF_8), 1);
        } catch (IOException e) {
            throw new DesiredSchemaException("cannot read " + file + " of the desired schema (" + e + "); check that it"
                    + " is a readable UTF-8 file", e);
        } catch (dev.migrate.sql.UnterminatedSqlException e) {
            throw new DesiredSchemaException(file + ":" + e.line() + ": " + e.getMessage() + "; close it in the"
                    + " desired schema's file", e);
        }
    }

    /** Runs every {@code *.sql} file of {@code source} (a folder, in name order, or one file). */
    void applySqlFiles(Path source) {
        List<Path> files;
        try (Stream<Path> entries = Files.isDirectory(source) ? Files.list(source) : Stream.of(source)) {
            files = entries.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DesiredSchemaException("cannot list the desired schema at " + source + " (" + e + "); check that"
                    + " migrate.desired names a readable folder or file of SQL", e);
        }
        try (Database database = open(); Statement statement = database.connection().createStatement()) {
            for (Path file : files) {
                for (dev.migrate.sql.Statement sql : statements(file)) {
                    try {
                        statement.execute(sql.sql());
                    } catch (SQLException e) {
                        throw new DesiredSchemaException("the desired schema fails at " + file + ":" + sql.line() + ": "
                                + e.getMessage() + " (SQL state " + e.getSQLState() + "); fix the statement, it ran"
                                + " in " + scratch.description(), e);
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot use " + scratch.description() + ": " + e.getMessage(), e);
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
