package dev.migrate.scratch;

import dev.migrate.common.Redaction;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseTarget;
import dev.migrate.database.Dialect;
import dev.migrate.database.ScratchNames;
import dev.migrate.common.Log;
import java.security.SecureRandom;

/**
 * The throw-away database verify and autogenerate work in, so the configured database's data is never touched: a
 * fresh database made by the configured database's dialect (in memory for H2, a new database on
 * the same PostgreSQL server), dropped on close, also when verify fails; or a database the user
 * names with {@code verifyUrl}, used as it is.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Dialect dialect;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final boolean owned;
    /** {@code migrate.connectTimeout}, for the connections to the scratch database as to the project's. */
    private final java.time.Duration connectTimeout;
    private final String stem = ScratchNames.stem(java.time.Instant.now(), RANDOM.nextLong());
    private final java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
    private String name;
    private String url;
    /** Drops of databases thrown away by {@link #rebuild}, made on {@link #background}. */
    private final java.util.List<java.util.concurrent.Future<?>> pending = new java.util.ArrayList<>();
    /** The next empty database, made on {@link #background} after a rebuild. */
    private java.util.concurrent.Future<Made> spare;
    private java.util.concurrent.ExecutorService background;

    private ScratchDatabase(Dialect dialect, String adminUrl, String user, String password, boolean owned,
            java.time.Duration connectTimeout) {
        this.dialect = dialect;
        this.connectTimeout = connectTimeout;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.owned = owned;
    }

    /**
     * Makes the scratch database next to {@code configured}, the project's database; with a
     * {@code verifyUrl}, that database is used instead and nothing is created or dropped.
     *
     * @throws dev.migrate.database.ScratchDatabaseException when the PostgreSQL user may not create a database
     * @throws dev.migrate.database.UnsupportedVerifyDatabaseException when the dialect cannot make one
     */
    public static ScratchDatabase open(DatabaseTarget configured, String verifyUrl) {
        if (verifyUrl != null && !verifyUrl.isBlank()) {
            DatabaseTarget given = configured.at(verifyUrl.strip());
            ScratchDatabase scratch = new ScratchDatabase(given.product(), null, given.user(), given.password(), false,
                    given.connection().connectTimeout());
            scratch.url = given.url();
            scratch.name = Redaction.redactUrl(scratch.url);
            return scratch;
        }
        ScratchDatabase scratch = new ScratchDatabase(configured.product(), configured.url(), configured.user(),
                configured.password(), true, configured.connection().connectTimeout());
        scratch.create();
        return scratch;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The scratch database's JDBC URL. */
    public String url() {
        return url;
    }

    /** How the log names it: the generated database's name, or the given URL with its password masked. */
    public String description() {
        return owned ? dialect.describeScratch(adminUrl, name) : name;
    }

    /** Whether verify made this database itself, and so may drop it and start again. */
    public boolean canRebuild() {
        return owned;
    }

    public Database connect() {
        return Database.connect(dialect, new dev.migrate.database.ConnectionSettings(url, user, password, connectTimeout));
    }

    /**
     * Throws the scratch database away and makes a new, empty one. A run that rebuilds once tends to
     * rebuild again (a history with broken downgrades), and making a PostgreSQL database costs a
     * few hundred milliseconds of disk writes: so the old database is dropped in the background,
     * and the next empty one is made there, ready for the next rebuild.
     */
    public void rebuild() {
        if (!owned) {
            throw new IllegalStateException("verify does not rebuild a database it did not create");
        }
        dropLater(new Made(name, url));
        Made ready = takeSpare();
        use(ready == null ? make() : ready);
        spare = background().submit(this::make);
    }

    /** A database made by the dialect: its name and its JDBC URL. */
    private record Made(String name, String url) {
    }

    private Made make() {
        String madeName = newName();
        return new Made(madeName, dialect.createScratch(adminUrl, madeName, user, password));
    }

    private void use(Made made) {
        name = made.name();
        url = made.url();
    }

    private void dropLater(Made made) {
        pending.add(background().submit(() -> dialect.dropScratch(adminUrl, made.url(), made.name(), user, password)));
    }

    /** The empty database made in the background, or null when there is none (or making it failed: it is made again). */
    private Made takeSpare() {
        if (spare == null) {
            return null;
        }
        try {
            return spare.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            spare = null;
        }
    }

    private java.util.concurrent.ExecutorService background() {
        if (background == null) {
            background = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "migrate-verify-scratch");
                thread.setDaemon(true);
                return thread;
            });
        }
        return background;
    }

    /** How old an unused scratch database must be before a later run drops it: no live run keeps one idle that long. */
    public static final java.time.Duration STALE_AFTER = java.time.Duration.ofHours(6);

    /**
     * Drops the scratch databases killed runs left on this one's server ({@link #STALE_AFTER} old, no
     * session using them, made by the plugin as its name and marker show), and says so on {@code log};
     * nothing when this database was given by {@code verifyUrl}.
     */
    public java.util.List<String> dropStale(Log log) {
        return dropStale(ScratchNames.PREFIX, log);
    }

    java.util.List<String> dropStale(String prefix, Log log) {
        if (!owned) {
            return java.util.List.of();
        }
        java.util.List<String> dropped = dialect.dropStaleScratch(adminUrl, prefix,
                java.time.Instant.now().minus(STALE_AFTER), user, password);
        if (!dropped.isEmpty()) {
            log.info("Dropped " + dropped.size() + " scratch database(s) that killed runs left on this server (made"
                    + " over " + STALE_AFTER.toHours() + " h ago, no session using them): " + String.join(", ", dropped));
        }
        return dropped;
    }

    /**
     * Another new, empty scratch database next to this one (which verify must have made itself), for a
     * check that needs a database of its own; the caller closes it.
     */
    public ScratchDatabase sibling() {
        if (!owned) {
            throw new IllegalStateException("verify makes other databases only next to one it created itself");
        }
        ScratchDatabase sibling = new ScratchDatabase(dialect, adminUrl, user, password, true, connectTimeout);
        sibling.create();
        return sibling;
    }

    /**
     * Hands {@code other}, a database made by {@link #sibling} or {@link #copy} of this one, over to be
     * dropped in the background (dropping waits on the server's disk) and closed with this one, whose
     * {@link #close} reports a failure; {@code other} must not be used again.
     */
    public void discard(ScratchDatabase other) {
        if (!other.owned || other.name == null) {
            throw new IllegalStateException("verify drops only databases it made itself");
        }
        Made unused = other.takeSpare();
        if (unused != null) {
            dropLater(unused);
        }
        dropLater(new Made(other.name, other.url));
        other.name = null;
    }

    /** A copy of this database where the dialect can make one (nobody may be connected to this one), or empty. */
    public java.util.Optional<ScratchDatabase> copy() {
        String copyName = newName();
        return dialect.copyScratch(adminUrl, name, copyName, user, password).map(copyUrl -> {
            ScratchDatabase copy = new ScratchDatabase(dialect, adminUrl, user, password, true, connectTimeout);
            copy.name = copyName;
            copy.url = copyUrl;
            return copy;
        });
    }

    /**
     * A new database name: this scratch database's random stem and a count, so that every database
     * one scratch database makes (rebuilds, the spare, copies) shares a prefix no other run uses.
     */
    private String newName() {
        return stem + "x" + made.incrementAndGet();
    }

    private void create() {
        use(make());
    }

    private void drop() {
        if (name == null) {
            return; // handed to another to drop (see discard)
        }
        dialect.dropScratch(adminUrl, url, name, user, password);
    }

    /** Drops this database, the spare and those still being dropped in the background; the first failure is thrown. */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        RuntimeException failure = null;
        Made unused = takeSpare();
        if (unused != null) {
            dropLater(unused);
        }
        try {
            drop();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (java.util.concurrent.Future<?> task : pending) {
            try {
                task.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null && e.getCause() instanceof RuntimeException cause) {
                    failure = cause;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pending.clear();
        if (background != null) {
            background.shutdown();
            background = null;
        }
        if (failure != null) {
            throw failure;
        }
    }
}
