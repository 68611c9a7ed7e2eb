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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * One autogenerate case: a head schema written as a revision, a desired schema written as SQL
 * files; runs autogenerate, then the plugin's own upgrade and downgrade of the written revision in
 * a fresh database, and compares both ends with databases built straight from the SQL.
 */
final class KindFixture {

    private KindFixture() {
    }

    /** What running one case gave. */
    record Outcome(AutogenerateResult result, String file, SchemaSnapshot upgraded, SchemaSnapshot wanted,
            SchemaSnapshot downgraded, SchemaSnapshot head) {
    }

    static Outcome run(TestDatabase.Kind kind, String before, String after, Path work) throws Exception {
        Path revisions = work.resolve("migrations");
        Path schema = work.resolve("schema");
        Files.createDirectories(schema);
        Files.writeString(schema.resolve("schema.sql"), after);
        if (!before.isBlank()) {
            RevisionFiles.in(revisions).addWithHeader("20260101000000_head", "-- parents: base\n-- irreversible: true",
                    before, "");
        }
        try (TestDatabase db = TestDatabase.create(kind); TestDatabase wantedDb = TestDatabase.create(kind);
                TestDatabase headDb = TestDatabase.create(kind)) {
            Migrator migrator = new Migrator(Configs.config(db.url(), revisions),
                    MigrationListener.SILENT);
            // allowEmpty: a kind whose desired state is "nothing" (a dropped table) has an empty schema
            AutogenerateResult result = migrator.autogenerate(new AutogenerateOptions(schema.toString(), "change",
                    true, false));
            execute(wantedDb, after);
            execute(headDb, before);
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
            return new Outcome(result, text, upgraded, snapshot(wantedDb), downgraded, snapshot(headDb));
        }
    }

    static void execute(TestDatabase db, String sql) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (dev.migrate.sql.Statement each : dev.migrate.sql.StatementSplitter.split(sql, 1, PostgresSyntax.INSTANCE)) {
                statement.execute(each.sql());
            }
        }
    }

    static SchemaSnapshot snapshot(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            return dev.migrate.scratch.Workbench.readSnapshot(connection, db.isPostgres() ? Products.POSTGRES : Products.H2,
                    new Identifier(MigrateConfig.DEFAULT_HISTORY_TABLE));
        }
    }
}
