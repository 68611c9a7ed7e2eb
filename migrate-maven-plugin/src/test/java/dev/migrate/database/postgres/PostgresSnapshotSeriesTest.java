package dev.migrate.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL snapshots that read only what the change log names: each must hold exactly what a
 * full read finds, and only the first may read the whole catalog.
 */
class PostgresSnapshotSeriesTest {

    /**
     * Phases of tables, keys, views, comments, partitions and sequences, each of which names what it
     * changes.
     */
    private static final List<String> TOLD_STEPS = List.of(
            "CREATE TABLE customers (id SERIAL PRIMARY KEY, name TEXT NOT NULL)",
            "CREATE TABLE orders (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " customer_id INT REFERENCES customers (id), total INT)",
            "CREATE INDEX orders_total ON orders (total)",
            "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
            "ALTER TABLE orders RENAME COLUMN total TO amount",
            "COMMENT ON COLUMN orders.amount IS 'in cents'",
            "ALTER TABLE orders ALTER COLUMN amount SET DEFAULT 0",
            "COMMENT ON CONSTRAINT orders_pkey ON orders IS 'the key'",
            "DROP VIEW big_orders",
            // rebuilds the index under a new object id, same name
            "ALTER TABLE orders ALTER COLUMN amount TYPE BIGINT",
            "INSERT INTO customers (name) VALUES ('first')",
            "ALTER TABLE customers RENAME TO clients",
            // the foreign key's triggers on clients go with the column of orders
            "ALTER TABLE orders DROP COLUMN customer_id",
            "ALTER TABLE clients ADD COLUMN tag TEXT UNIQUE",
            "CREATE TABLE parts (id INT, at DATE) PARTITION BY RANGE (at)",
            "CREATE TABLE parts_2026 PARTITION OF parts FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
            "CREATE INDEX parts_id ON parts (id)",
            "DROP TABLE parts_2026",
            // its index, key, identity sequence and row types go with it, none of them named
            "DROP TABLE orders",
            "CREATE SEQUENCE numbers START 5",
            "ALTER SEQUENCE numbers INCREMENT BY 2",
            "DROP TABLE clients",
            "DROP SEQUENCE numbers");

    @Test
    void eachStepReadsOnlyWhatTheLogNamesAndMatchesAFullRead() throws SQLException {
        assertEveryStepMatchesAFullRead(List.of(
                "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT NOT NULL)",
                "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers (id), total INT)",
                "CREATE INDEX orders_total ON orders (total)",
                "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
                // the view prints the new name: its own catalog rows did not change
                "ALTER TABLE orders RENAME COLUMN total TO amount",
                "ALTER TABLE customers ADD CONSTRAINT named CHECK (name <> '')",
                "DROP VIEW big_orders",
                "DROP TABLE orders"));
    }

    private static final List<String> STATISTICS_STEPS = List.of(
            "CREATE TABLE posts (id INT PRIMARY KEY, community INT, creator INT, score INT)",
            "CREATE STATISTICS posts_by (ndistinct, dependencies) ON community, creator FROM posts",
            // (a schema created makes the next snapshot a full read on its own: none here)
            "CREATE STATISTICS posts_all ON community, creator, score FROM posts",
            "DROP STATISTICS posts_by",
            "CREATE STATISTICS posts_by (mcv) ON community, score FROM posts",
            // the column goes, and the statistics on it with it
            "ALTER TABLE posts DROP COLUMN creator",
            "DROP TABLE posts");

    @Test
    void extendedStatisticsAreReadWithTheirTableAndDefinition() throws SQLException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
                Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE posts (id INT PRIMARY KEY, community INT, creator INT)");
            statement.execute("CREATE STATISTICS posts_by (ndistinct, dependencies) ON community, creator FROM posts");

            SchemaSnapshot snapshot = new PostgresSnapshotReader().read(connection, "public", "migrate_history");

            assertThat(snapshot.objects()).containsEntry(new dev.migrate.schema.DbObject(
                    dev.migrate.schema.DbObject.Kind.STATISTICS, "public", "table posts", "posts_by"),
                    "CREATE STATISTICS public.posts_by (ndistinct, dependencies) ON community, creator FROM posts");
        }
    }

    @Test
    void extendedStatisticsReadIncrementallyMatchAFullRead() throws SQLException {
        assertEveryStepMatchesAFullRead(STATISTICS_STEPS);
    }

    @Test
    void withoutTheLogExtendedStatisticsListedMatchAFullRead() throws SQLException {
        asNonSuperuser(role -> assertEveryStepMatchesAFullRead(STATISTICS_STEPS, role));
    }

    @Test
    void typesDomainsAndRoutinesReadIncrementallyMatchAFullRead() throws SQLException {
        assertEveryStepMatchesAFullRead(List.of(
                "CREATE TYPE mood AS ENUM ('sad', 'happy')",
                "ALTER TYPE mood ADD VALUE 'calm' BEFORE 'happy'",
                "CREATE DOMAIN positive AS INT CHECK (VALUE > 0)",
                "ALTER DOMAIN positive ADD CONSTRAINT small CHECK (VALUE < 1000)",
                "CREATE TYPE pair AS (a INT, b TEXT)",
                "ALTER TYPE pair ADD ATTRIBUTE c positive",
                "CREATE TYPE span AS RANGE (subtype = int4)",
                "CREATE TABLE feelings (id INT PRIMARY KEY, how mood DEFAULT 'calm', weight positive, during span)",
                "CREATE FUNCTION weigh(p positive) RETURNS INT LANGUAGE sql AS 'SELECT p * 2'",
                "CREATE OR REPLACE FUNCTION weigh(p positive) RETURNS INT LANGUAGE sql AS 'SELECT p * 3'",
                "ALTER DOMAIN positive DROP CONSTRAINT small",
                // the column of that domain goes with it
                "DROP DOMAIN positive CASCADE",
                "DROP TYPE pair",
                "DROP TABLE feelings",
                "DROP TYPE span",
                "DROP TYPE mood"));
    }

    @Test
    void withoutTheLogTheCatalogListingNamesWhatChanged() throws SQLException {
        String role = "migrate_listing_" + Long.toString(System.nanoTime(), 36);
        dev.migrate.testing.PostgresServer.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER");
        try {
            List<String> steps = List.of(
                    "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT NOT NULL)",
                    "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers (id), total INT)",
                    "CREATE INDEX orders_total ON orders (total)",
                    "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
                    // the view prints the new name: its own catalog rows did not change
                    "ALTER TABLE orders RENAME COLUMN total TO amount",
                    "COMMENT ON COLUMN orders.amount IS 'in cents'",
                    "ALTER TABLE orders ALTER COLUMN amount SET DEFAULT 0",
                    "ALTER TABLE orders ALTER COLUMN amount DROP DEFAULT",
                    "DROP INDEX orders_total",
                    "ALTER TABLE customers ADD CONSTRAINT named CHECK (name <> '')",
                    "ALTER TABLE customers DROP CONSTRAINT named",
                    "CREATE TYPE mood AS ENUM ('sad')",
                    "ALTER TYPE mood ADD VALUE 'happy'",
                    "CREATE DOMAIN positive AS INT CHECK (VALUE > 0)",
                    "ALTER DOMAIN positive DROP CONSTRAINT positive_check",
                    "CREATE SEQUENCE numbers START 5",
                    "ALTER SEQUENCE numbers INCREMENT BY 2",
                    "CREATE FUNCTION twice(x INT) RETURNS INT LANGUAGE sql AS 'SELECT x * 2'",
                    "CREATE OR REPLACE FUNCTION twice(x INT) RETURNS INT LANGUAGE sql AS 'SELECT x + x'",
                    "CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                    "CREATE TRIGGER stamped BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION stamp()",
                    "ALTER TABLE orders DISABLE TRIGGER stamped",
                    "DROP TRIGGER stamped ON orders",
                    "ALTER TABLE orders DROP COLUMN customer_id",
                    "DROP VIEW big_orders",
                    "DROP TABLE orders",
                    "DROP TYPE mood",
                    "DROP SEQUENCE numbers");
            assertEveryStepMatchesAFullRead(steps, role);
        } finally {
            dev.migrate.testing.PostgresServer.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void withoutTheLogARowWrittenTwiceInOneTransactionIsSeenBothTimes() throws SQLException {
        String role = "migrate_listing_" + Long.toString(System.nanoTime(), 36);
        dev.migrate.testing.PostgresServer.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER");
        PostgresSnapshotReader reader = new PostgresSnapshotReader();
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            try (Connection owner = db.connect(); Statement statement = owner.createStatement()) {
                statement.execute("GRANT CREATE ON SCHEMA public TO " + role);
                statement.execute("CREATE TABLE migrate_history (revision VARCHAR(50) PRIMARY KEY)");
            }
            // as a held downgrade and re-upgrade: one transaction, observed from inside it
            try (Connection held = java.sql.DriverManager.getConnection(db.url().replace("user=postgres", "user=" + role));
                    Statement statement = held.createStatement()) {
                statement.execute("CREATE TABLE orders (id INT)");
                PostgresSnapshotSeries series = (PostgresSnapshotSeries) reader.series("public", "migrate_history", true);
                series.next(held, true);
                held.setAutoCommit(false);
                for (String step : List.of("ALTER TABLE orders RENAME TO sales", "ALTER TABLE sales RENAME TO orders",
                        "ALTER TABLE orders ADD COLUMN note TEXT", "ALTER TABLE orders DROP COLUMN note")) {
                    statement.execute(step);
                    SchemaSnapshot incremental = series.next(held, false);
                    SchemaSnapshot full = reader.read(held, "public", "migrate_history");
                    assertThat(incremental.objects()).as("after %s", step).isEqualTo(full.objects());
                }
                held.rollback();

                assertThat(series.fullReads()).isEqualTo(1);
            }
        } finally {
            dev.migrate.testing.PostgresServer.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void withoutTheLogEachListingFetchesWhatChangedNotEveryCatalogRow() throws SQLException {
        asNonSuperuser(role -> {
            observedAs(role, (statement, observer, reader) -> {
                for (int i = 0; i < 40; i++) {
                    statement.execute("CREATE TABLE t_" + i + " (id INT PRIMARY KEY, name TEXT, amount INT)");
                }
                PostgresSnapshotSeries series = (PostgresSnapshotSeries) reader.series("public", "migrate_history", true);
                series.next(observer, true);
                for (String step : List.of("CREATE TABLE t_new (id INT PRIMARY KEY, name TEXT)",
                        "ALTER TABLE t_3 ADD COLUMN note TEXT", "DROP TABLE t_new", "ALTER TABLE t_3 RENAME COLUMN note TO memo",
                        "ALTER TABLE t_3 DROP COLUMN memo", "DROP TABLE t_7")) {
                    statement.execute(step);
                    SchemaSnapshot incremental = series.next(observer, false);

                    assertThat(incremental.objects()).as("after %s", step)
                            .isEqualTo(reader.read(observer, "public", "migrate_history").objects());
                    // what a step wrote; a step that dropped something also counts the rows of each object
                    // with an object id near it (1,024 ids, here all 41 tables)
                    if (!step.contains("DROP")) {
                        int everyRow = PostgresCatalogListing.read(observer).size();
                        assertThat(series.listed()).as("rows fetched after %s", step).isPositive()
                                .isLessThan(everyRow / 10);
                    }
                }
                assertThat(series.fullReads()).isEqualTo(1);
            });
        });
    }

    @Test
    void withoutTheLogWhatATransactionRunningAtTheLastListingCommitsAfterIsSeen() throws SQLException {
        asNonSuperuser(role -> {
            PostgresSnapshotReader reader = new PostgresSnapshotReader();
            try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
                    Connection runner = db.connect();
                    Connection slow = db.connect();
                    Connection observer = connectAs(db, role);
                    Statement statement = runner.createStatement();
                    Statement slowStatement = slow.createStatement()) {
                statement.execute("CREATE TABLE migrate_history (revision VARCHAR(50) PRIMARY KEY)");
                statement.execute("CREATE TABLE early (id INT)");
                PostgresSnapshotSeries series = (PostgresSnapshotSeries) reader.series("public", "migrate_history", true);
                series.next(observer, true);
                // a transaction that began before a later one and is still running when the observer lists;
                // it writes a catalog row again (no row more or less, which a count would tell)
                slow.setAutoCommit(false);
                slowStatement.execute("ALTER TABLE early RENAME COLUMN id TO key");
                statement.execute("CREATE TABLE later (id INT)");
                SchemaSnapshot whileRunning = series.next(observer, false);
                assertThat(whileRunning.objects()).isEqualTo(reader.read(observer, "public", "migrate_history").objects());
                slow.commit();

                SchemaSnapshot afterCommit = series.next(observer, false);

                assertThat(afterCommit.objects()).isEqualTo(reader.read(observer, "public", "migrate_history").objects());
                assertThat(afterCommit.objects().keySet().toString()).contains("key");
            }
        });
    }

    @Test
    void withoutTheLogAPhaseToldItsStatementsListsOnlyWhatTheyNameAndKeepsEveryRowAsAFullListing()
            throws SQLException {
        asNonSuperuser(role -> {
            // opaque: every row is looked at, and the next phase can name again
            List<String> steps = new java.util.ArrayList<>(TOLD_STEPS);
            steps.addAll(List.of("CREATE SCHEMA side", "CREATE TABLE side.more (id INT PRIMARY KEY)",
                    "DROP TABLE side.more"));
            observedAs(role, (statement, observer, reader) -> {
                PostgresSnapshotSeries series = (PostgresSnapshotSeries) reader.series("public", "migrate_history", true);
                series.next(observer, true);
                int named = 0;
                for (String step : steps) {
                    runTold(statement, series, step);
                    PostgresCatalogListing before = series.listing();
                    int namedBefore = before.namedUpdates();
                    SchemaSnapshot incremental = series.next(observer, false);
                    named += series.listing() == before && before.namedUpdates() > namedBefore ? 1 : 0;

                    assertMatchesAFullRead(step, incremental, series, observer);
                }
                assertThat(named).as("steps listed by name").isEqualTo(steps.size() - 1);
                assertThat(series.fullReads()).isEqualTo(2);
            });
        });
    }

    @Test
    void withoutTheLogRoutinesOfTheUsersOrStatementsRunUntoldListEveryRow() throws SQLException {
        asNonSuperuser(role -> {
            observedAs(role, (statement, observer, reader) -> {
                statement.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
                PostgresSnapshotSeries series = (PostgresSnapshotSeries) reader.series("public", "migrate_history", true);
                series.next(observer, true);
                // a statement nobody told about: the next listing looks at everything
                statement.execute("CREATE TABLE untold (id INT)");
                series.unknownChanges();
                assertThat(series.next(observer, false).objects().keySet().toString()).contains("untold");
                assertThat(series.listing().namedUpdates()).isZero();

                // a routine that runs DDL, called from a data statement that names none of what it makes
                statement.execute("CREATE FUNCTION sneaky() RETURNS INT LANGUAGE plpgsql AS"
                        + " $$ BEGIN CREATE TABLE hidden (id INT); RETURN 1; END $$");
                series.unknownChanges();
                series.next(observer, false);
                String step = "INSERT INTO orders (id) SELECT sneaky()";
                statement.execute(step);
                series.ran(step);
                SchemaSnapshot incremental = series.next(observer, false);

                assertThat(incremental.objects().keySet().toString()).contains("hidden");
                assertThat(incremental.objects()).isEqualTo(reader.read(observer, "public", "migrate_history").objects());
                assertThat(series.listing().namedUpdates()).isZero();
            });
        });
    }

    @Test
    void withoutSuperuserTheHistoryTableIsFollowedByWhatEachPhaseWroteAndStillAgreesWithItsRows() throws SQLException {
        ownedByACreatedbRole((db, statement, observer) -> {
            statement.execute("INSERT INTO migrate_history VALUES ('r1'), ('r2')");
            PostgresSnapshotSeries series = (PostgresSnapshotSeries) new PostgresSnapshotReader()
                    .series("public", "migrate_history", true);
            series.next(observer, true);
            assertThat(series.history(observer)).as("first look").containsExactlyInAnyOrder("r1", "r2");
            for (String step : List.of("INSERT INTO migrate_history VALUES ('r3')",
                    "DELETE FROM migrate_history WHERE revision = 'r1'",
                    "UPDATE migrate_history SET revision = 'r4' WHERE revision = 'r2'",
                    // a revision that silences the log before it writes: the rows are still what is compared
                    "ALTER TABLE migrate_history DISABLE TRIGGER USER; DELETE FROM migrate_history WHERE revision = 'r3'",
                    "INSERT INTO migrate_history VALUES ('r5')",
                    "TRUNCATE migrate_history")) {
                statement.execute(step);
                series.next(observer, false);
                List<String> followed = series.history(observer);
                assertThat(followed).as("after %s", step).isNotNull();
                assertThat(followed).as("after %s", step).containsExactlyInAnyOrderElementsOf(
                        db.column("SELECT revision FROM migrate_history"));
            }
        });
    }

    @Test
    void withoutSuperuserTheHistoryLogDroppedByARevisionLeavesTheTableReadWhole() throws SQLException {
        ownedByACreatedbRole((db, statement, observer) -> {
            PostgresSnapshotSeries series = (PostgresSnapshotSeries) new PostgresSnapshotReader()
                    .series("public", "migrate_history", true);
            series.next(observer, true);
            assertThat(series.history(observer)).isEmpty();
            statement.execute("DROP SCHEMA " + PostgresChangeLog.SCHEMA + " CASCADE;"
                    + " INSERT INTO migrate_history VALUES ('r1')");
            observer.setAutoCommit(false);
            series.next(observer, false);
            // the log cannot be read: the caller reads the table whole, and the held transaction goes on
            assertThat(series.history(observer)).isNull();
            try (Statement look = observer.createStatement();
                    java.sql.ResultSet rows = look.executeQuery("SELECT count(*) FROM migrate_history")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            observer.rollback();
        });
    }

    @Test
    void withoutSuperuserAToldPhaseLooksAtWhatItNamesInOneRoundTripAndStillMatchesAFullRead()
            throws SQLException {
        ownedByACreatedbRole((db, statement, observer) -> {
            PostgresSnapshotReader reader = new PostgresSnapshotReader();
            List<String> sent = new java.util.ArrayList<>();
            Connection counted = counting(observer, sent);
            PostgresSnapshotSeries series = (PostgresSnapshotSeries) reader.series("public", "migrate_history", true);
            series.next(counted, true);
            series.history(counted);
            int revision = 0;
            for (String step : TOLD_STEPS) {
                // each phase as verify runs one: the revision's statement and its history row
                String write = "INSERT INTO migrate_history VALUES ('r" + ++revision + "')";
                runTold(statement, series, step, write);
                sent.clear();
                SchemaSnapshot incremental = series.next(counted, false);
                List<String> followed = series.history(counted);

                // what the names reach with those objects' rows; what changed, resolved with the history log's
                // rows; then the units that changed, read again
                assertThat(sent).as("statements sent after %s", step).hasSizeLessThanOrEqualTo(3);
                assertMatchesAFullRead(step, incremental, series, observer);
                assertThat(followed).as("history after %s", step).containsExactlyInAnyOrderElementsOf(
                        db.column("SELECT revision FROM migrate_history"));
            }
            assertThat(series.fullReads()).isEqualTo(1);
        });
    }

    /** Runs each statement as a phase of verify does, and tells {@code series} it ran. */
    private static void runTold(Statement statement, PostgresSnapshotSeries series, String... sql)
            throws SQLException {
        for (String each : sql) {
            statement.execute(each);
        }
        for (String each : sql) {
            series.ran(each);
        }
    }

    /**
     * The snapshot {@code series} took after {@code step} is what a full read finds, and its listing holds the rows a
     * full listing holds: a row the named listing missed shows here even where the snapshot does not change.
     */
    private static void assertMatchesAFullRead(String step, SchemaSnapshot incremental, PostgresSnapshotSeries series,
            Connection observer) throws SQLException {
        assertThat(incremental.objects()).as("after %s", step)
                .isEqualTo(new PostgresSnapshotReader().read(observer, "public", "migrate_history").objects());
        assertThat(series.listing().versions()).as("rows after %s", step)
                .isEqualTo(PostgresCatalogListing.read(observer).versions());
    }

    @Test
    void withoutSuperuserAPhaseThatDoesNotNameTheHistoryTableReadsNoneOfItsCatalogRows() throws SQLException {
        ownedByACreatedbRole((db, statement, observer) -> {
            // the history table as verify makes it (a dozen columns, a key, the history log's triggers)
            statement.execute("DROP TABLE migrate_history");
            statement.execute(new PostgresDialect().createHistoryTableSql("migrate_history"));
            // a small table (no key, no TOAST table): its rows are fewer than the history table's columns
            statement.execute("CREATE TABLE notes (id INT)");
            PostgresSnapshotReader reader = new PostgresSnapshotReader();
            PostgresSnapshotSeries series = (PostgresSnapshotSeries) reader.series("public", "migrate_history", true);
            series.next(observer, true);
            series.history(observer);
            int historyRows = db.column("SELECT attname FROM pg_attribute WHERE attrelid = 'migrate_history'::regclass"
                    + " AND attnum > 0").size();
            for (String step : List.of("ALTER TABLE notes ADD COLUMN n INT", "CREATE INDEX notes_n ON notes (n)",
                    "DROP INDEX notes_n", "ALTER TABLE notes DROP COLUMN n")) {
                statement.execute(step);
                series.ran(step);
                // verify's own history row, which it does not tell the series about
                statement.execute("INSERT INTO migrate_history (revision, parents, message, upgrade_checksum,"
                        + " downgrade_checksum, applied_at, applied_by, duration_ms, state) VALUES ('" + step.hashCode()
                        + "', '', '', '', '', now(), '', 0, 'done')");
                SchemaSnapshot incremental = series.next(observer, false);

                // the rows of notes and what depends on it (none of a dropped index): fewer than the history
                // table's columns alone
                assertThat(series.listed()).as("rows fetched after %s", step).isLessThan(historyRows);
                assertMatchesAFullRead(step, incremental, series, observer);
                assertThat(series.history(observer)).as("history after %s", step).containsExactlyInAnyOrderElementsOf(
                        db.column("SELECT revision FROM migrate_history"));
            }
            assertThat(series.fullReads()).isEqualTo(1);
        });
    }

    /** {@code connection}, recording the text of each statement it runs in {@code sent}. */
    private static Connection counting(Connection connection, List<String> sent) {
        ClassLoader loader = PostgresSnapshotSeriesTest.class.getClassLoader();
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = call(method, connection, args);
                    if (method.getName().equals("prepareStatement")) {
                        String sql = (String) args[0];
                        return java.lang.reflect.Proxy.newProxyInstance(loader,
                                new Class<?>[] {java.sql.PreparedStatement.class}, (p, m, a) -> {
                                    if (m.getName().startsWith("execute")) {
                                        sent.add(sql);
                                    }
                                    return call(m, result, a);
                                });
                    }
                    if (method.getName().equals("createStatement")) {
                        return java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {Statement.class},
                                (p, m, a) -> {
                                    if (m.getName().startsWith("execute")) {
                                        sent.add((String) a[0]);
                                    }
                                    return call(m, result, a);
                                });
                    }
                    return result;
                });
    }

    private static Object call(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface Owned {
        void run(TestDatabase db, Statement runner, Connection observer) throws SQLException;
    }

    /**
     * A new database as verify makes its scratch database for a user with only LOGIN CREATEDB: the
     * role owns it and its history table; {@code body} writes and observes it as that role.
     */
    private static void ownedByACreatedbRole(Owned body) throws SQLException {
        String role = "migrate_createdb_" + Long.toString(System.nanoTime(), 36);
        dev.migrate.testing.PostgresServer.execute("CREATE ROLE " + role + " LOGIN CREATEDB");
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
            db.execute("ALTER DATABASE " + db.name() + " OWNER TO " + role);
            try (Connection runner = connectAs(db, role); Connection observer = connectAs(db, role);
                    Statement statement = runner.createStatement()) {
                statement.execute("CREATE TABLE migrate_history (revision VARCHAR(50) PRIMARY KEY)");
                body.run(db, statement, observer);
            }
        } finally {
            dev.migrate.testing.PostgresServer.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    private interface AsRole {
        void run(String role) throws SQLException;
    }

    /** Runs {@code body} with a role made for it that may log in and nothing more, dropped afterwards. */
    private static void asNonSuperuser(AsRole body) throws SQLException {
        String role = "migrate_listing_" + Long.toString(System.nanoTime(), 36);
        dev.migrate.testing.PostgresServer.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER");
        try {
            body.run(role);
        } finally {
            dev.migrate.testing.PostgresServer.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    private interface Observed {
        void run(Statement runner, Connection observer, PostgresSnapshotReader reader) throws SQLException;
    }

    /** A new database with a history table; {@code body} changes it as the superuser and observes it as {@code role}. */
    private static void observedAs(String role, Observed body) throws SQLException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
                Connection runner = db.connect();
                Connection observer = connectAs(db, role);
                Statement statement = runner.createStatement()) {
            statement.execute("CREATE TABLE migrate_history (revision VARCHAR(50) PRIMARY KEY)");
            body.run(statement, observer, new PostgresSnapshotReader());
        }
    }

    private static Connection connectAs(TestDatabase db, String role) throws SQLException {
        return java.sql.DriverManager.getConnection(db.url().replace("user=postgres", "user=" + role));
    }

    private static void assertEveryStepMatchesAFullRead(List<String> steps) throws SQLException {
        assertEveryStepMatchesAFullRead(steps, null);
    }

    /** Runs each step as the superuser and reads the snapshots as {@code role} (null: the superuser too). */
    private static void assertEveryStepMatchesAFullRead(List<String> steps, String role) throws SQLException {
        PostgresSnapshotReader reader = new PostgresSnapshotReader();
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
                Connection runner = db.connect();
                Connection observer = role == null ? db.connect()
                        : java.sql.DriverManager.getConnection(db.url().replace("user=postgres", "user=" + role));
                Statement statement = runner.createStatement()) {
            // the log follows the history table too: without one it is not installed
            statement.execute("CREATE TABLE migrate_history (revision VARCHAR(50) PRIMARY KEY)");
            PostgresSnapshotSeries series = (PostgresSnapshotSeries) reader.series("public", "migrate_history", true);
            series.next(observer, true);
            for (String step : steps) {
                statement.execute(step);
                SchemaSnapshot incremental = series.next(observer, false);
                SchemaSnapshot full = reader.read(observer, "public", "migrate_history");
                assertThat(incremental.objects()).as("after %s", step).isEqualTo(full.objects());
                assertThat(incremental.columnOrder()).as("after %s", step).isEqualTo(full.columnOrder());
            }

            assertThat(series.fullReads()).isEqualTo(1);
        }
    }
}
