package dev.migrate.autogenerate;

import dev.migrate.testing.Configs;
import dev.migrate.testing.Products;
import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.database.Dialect;
import dev.migrate.database.Identifier;
import dev.migrate.testing.RevisionFiles;
import dev.migrate.testing.TestDatabase;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SnapshotDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * One autogenerate case: a head schema written as a revision, a desired schema written as SQL
 * files; runs autogenerate, then the plugin's own upgrade and downgrade of the written revision in
 * a fresh database, and compares both ends with the schemas the SQL builds straight (see
 * {@link #builtFrom}).
 */
final class KindFixture {

    private KindFixture() {
    }

    /** What running one case gave. */
    record Outcome(AutogenerateResult result, String file, SchemaSnapshot upgraded, SchemaSnapshot wanted,
            SchemaSnapshot downgraded, SchemaSnapshot head) {
    }

    static Outcome run(TestDatabase.Kind kind, String before, String after, Path work) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            return run(db, before, after, work);
        }
    }

    /** As {@link #run(TestDatabase.Kind, String, String, Path)}, in {@code db}, which must be empty. */
    static Outcome run(TestDatabase db, String before, String after, Path work) throws Exception {
        Path revisions = work.resolve("migrations");
        Path schema = work.resolve("schema");
        Files.createDirectories(schema);
        Files.writeString(schema.resolve("schema.sql"), after);
        if (!before.isBlank()) {
            RevisionFiles.in(revisions).addWithHeader("20260101000000_head", "-- parents: base\n-- irreversible: true",
                    before, "");
        }
        // both ends built straight from the SQL first, while db is still empty
        SchemaSnapshot wanted = builtFrom(db, after);
        SchemaSnapshot head = builtFrom(db, before);
        Migrator migrator = new Migrator(Configs.config(db.url(), revisions),
                MigrationListener.SILENT);
        // allowEmpty: a kind whose desired state is "nothing" (a dropped table) has an empty schema
        AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(schema.toString(), "change",
                true, false));
        String text = result.file() == null ? "" : Files.readString(result.file());
        if (Boolean.getBoolean("kinds.print")) {
            System.out.println("[kinds] " + text);
        }
        migrator.upgrade("heads");
        SchemaSnapshot upgraded = snapshot(db);
        SchemaSnapshot downgraded = upgraded;
        if (result.file() != null) {
            migrator.downgrade("-1");
            downgraded = snapshot(db);
        }
        return new Outcome(result, text, upgraded, wanted, downgraded, head);
    }

    /**
     * The schema {@code sql} builds in an empty database of {@code db}'s kind. On PostgreSQL, whose
     * DDL rolls back, it is built in {@code db} itself (still empty) in a transaction rolled back after
     * the snapshot: no database made and dropped for it. Elsewhere in a database of its own.
     */
    static SchemaSnapshot builtFrom(TestDatabase db, String sql) throws Exception {
        if (!db.isPostgres()) {
            try (TestDatabase own = TestDatabase.create(db.kind())) {
                execute(own, sql);
                return snapshot(own);
            }
        }
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, sql);
                return snapshot(connection, db);
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * One PostgreSQL database for all the cases of a class, emptied in place before each (see
     * {@link TestDatabase#emptyPostgres}) instead of a new one made and dropped for each: each case
     * still starts in a database whose snapshot is that of a new one, which is checked.
     */
    static final class SharedPostgres implements AutoCloseable {

        private TestDatabase db;
        private SchemaSnapshot fresh;

        /** The database, empty: made on first use, emptied on each later one. */
        TestDatabase emptied() throws Exception {
            if (db == null) {
                db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
                fresh = snapshot(db);
                return db;
            }
            db.emptyPostgres();
            SchemaSnapshot emptied = snapshot(db);
            if (!SnapshotDiff.between(fresh, emptied).isEmpty()) {
                throw new IllegalStateException("the shared database is not as new after emptying: "
                        + SnapshotDiff.between(fresh, emptied));
            }
            return db;
        }

        @Override
        public void close() {
            if (db != null) {
                db.close();
            }
        }
    }

    static void execute(TestDatabase db, String sql) throws Exception {
        try (Connection connection = db.connect()) {
            execute(connection, sql);
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            for (dev.migrate.sql.Statement each : dev.migrate.sql.StatementSplitter.split(sql, 1, PostgresSyntax.INSTANCE)) {
                statement.execute(each.sql());
            }
        }
    }

    static SchemaSnapshot snapshot(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            return snapshot(connection, db);
        }
    }

    private static SchemaSnapshot snapshot(Connection connection, TestDatabase db) throws Exception {
        return dev.migrate.scratch.Workbench.readSnapshot(connection, db.isPostgres() ? Products.POSTGRES : Products.H2,
                new Identifier(MigrateConfig.DEFAULT_HISTORY_TABLE));
    }
}
