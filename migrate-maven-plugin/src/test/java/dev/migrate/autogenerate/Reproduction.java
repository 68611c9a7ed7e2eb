package dev.migrate.autogenerate;

import dev.migrate.testing.Configs;
import dev.migrate.testing.Products;
import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.database.Dialect;
import dev.migrate.database.Identifier;
import dev.migrate.revision.Revision;
import dev.migrate.testing.TestDatabase;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.SnapshotDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The acceptance measure of autogenerate on a real history: for each revision k, the desired schema
 * is a database upgraded to k, the folder holds the revisions before k; the generated revision must
 * reach the desired schema when upgraded and come back to the folder's head when downgraded, run by
 * the plugin's own upgrade and downgrade, with no TODO.
 */
final class Reproduction {

    /** The outcome for one revision: reproduced, or why not. */
    record Result(String revision, boolean reproduced, boolean exactOrder, String why, String sql) {
        Result(String revision, boolean reproduced, boolean exactOrder, String why) {
            this(revision, reproduced, exactOrder, why, "");
        }
    }

    private static final Identifier HISTORY = new Identifier(MigrateConfig.DEFAULT_HISTORY_TABLE);

    private Reproduction() {
    }

    static List<Result> run(Path history, Path work) throws Exception {
        Migrator reader = new Migrator(config("jdbc:h2:mem:unused", history), MigrationListener.SILENT);
        List<Revision> ordered = reader.load().ordered();
        List<Result> results = new ArrayList<>();
        // two databases for the whole history, emptied for each revision, instead of two made and dropped for each
        try (KindFixture.SharedPostgres desired = new KindFixture.SharedPostgres();
                KindFixture.SharedPostgres proof = new KindFixture.SharedPostgres()) {
            for (int k = 0; k < ordered.size(); k++) {
                results.add(one(history, ordered, k, work.resolve("k" + k), desired.emptied(), proof.emptied()));
            }
        }
        return results;
    }

    private static Result one(Path history, List<Revision> ordered, int k, Path folder, TestDatabase desired,
            TestDatabase proof) throws Exception {
        Revision target = ordered.get(k);
        Files.createDirectories(folder);
        for (Revision earlier : ordered.subList(0, k)) {
            Files.copy(history.resolve(earlier.fileName()), folder.resolve(earlier.fileName()));
        }
        new Migrator(config(desired.url(), history), MigrationListener.SILENT).upgrade(target.id());
        // the desired database stands for a schema written by hand: without its history it is a plain
        // reference, which autogenerate compares with the folder's heads even where it sits on another
        // branch (a database that keeps a history must be at the head: DatabaseNotAtHeadTest)
        desired.execute("DROP TABLE " + dev.migrate.MigrateConfig.DEFAULT_HISTORY_TABLE);
        SchemaSnapshot wanted = snapshot(desired);
        Migrator migrator = new Migrator(config(proof.url(), folder), MigrationListener.SILENT);
        if (k > 0) {
            migrator.upgrade("heads");
        }
        SchemaSnapshot head = snapshot(proof);
        AutogenerateResult result;
        try {
            MigrateConfig c = config(proof.url(), folder);
            result = new Autogenerator(dev.migrate.testing.Products.target(c), c.revisions(), c.placeholders(), MigrationListener.SILENT)
                    .autogenerate(k == 0 ? dev.migrate.graph.RevisionGraph.of(List.of())
                            : new Migrator(config(proof.url(), folder), MigrationListener.SILENT).load(),
                            new AutogenerateOptions(desired.url(), "reproduce " + target.id()));
        } catch (RuntimeException e) {
            e.printStackTrace();
            return new Result(target.fileName(), false, false, "autogenerate threw " + e);
        }
        if (result.noDifference()) {
            List<SnapshotDiff.Difference> left = SnapshotDiff.between(wanted, head);
            return new Result(target.fileName(), left.isEmpty(), left.isEmpty(), left.isEmpty() ? "no schema change"
                    : "no revision written although " + left);
        }
        if (!result.changes().todos().isEmpty()) {
            return new Result(target.fileName(), false, false, "TODO: " + result.changes().todos().stream()
                    .map(c -> c.summary() + ": " + c.todo()).toList(), Files.readString(result.file()));
        }
        String id = result.file().getFileName().toString().substring(0, 14);
        try {
            migrator.upgrade(id);
            SchemaSnapshot up = snapshot(proof);
            migrator.downgrade("-1");
            SchemaSnapshot down = snapshot(proof);
            List<SnapshotDiff.Difference> upDiff = SnapshotDiff.between(wanted, up);
            List<SnapshotDiff.Difference> downDiff = SnapshotDiff.between(head, down);
            boolean reproduced = upDiff.stream().allMatch(SnapshotDiff.Difference::positionOnly)
                    && downDiff.stream().allMatch(SnapshotDiff.Difference::positionOnly);
            boolean exact = upDiff.isEmpty() && downDiff.isEmpty();
            return new Result(target.fileName(), reproduced, exact, exact ? "exact" : "up: " + upDiff + " down: "
                    + downDiff, Files.readString(result.file()));
        } catch (RuntimeException e) {
            return new Result(target.fileName(), false, false, "running the written revision failed: " + e.getMessage());
        }
    }

    static SchemaSnapshot snapshot(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return dev.migrate.scratch.Workbench.readSnapshot(connection, Products.POSTGRES, HISTORY);
        }
    }

    private static MigrateConfig config(String url, Path folder) {
        return Configs.config(url, folder);
    }

    static Path resource(String name) {
        try {
            return Path.of(Reproduction.class.getResource("/histories/" + name).toURI());
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
