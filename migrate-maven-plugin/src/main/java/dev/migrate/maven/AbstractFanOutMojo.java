package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.Migrator;
import dev.migrate.common.MigrateException;
import dev.migrate.common.Redaction;
import dev.migrate.fanout.FanOut;
import dev.migrate.fanout.Member;
import dev.migrate.fanout.MemberResult;
import dev.migrate.fanout.Summary;
import dev.migrate.history.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that can run on many databases or schemas in one build ({@code migrate.schemas}, a
 * {@code <databases>} list): in parallel, each line of the log prefixed with the database, a
 * summary table at the end, and the build failing afterwards, naming every database that failed.
 * Without either parameter the goal runs on the configured database as usual.
 */
public abstract class AbstractFanOutMojo extends AbstractMigrateMojo {

    /**
     * Schemas of the configured database to run the goal on, comma separated (one per tenant), e.g.
     * {@code -Dmigrate.schemas=tenant_a,tenant_b}. Each has its own history table and lock.
     */
    @Parameter(property = "migrate.schemas")
    protected String schemas;

    /**
     * Databases to run the goal on instead of the configured one, each a {@code <database>} with
     * {@code url}, {@code user}, {@code password} or {@code serverId}, {@code schema}, and an
     * optional {@code name} for the log.
     */
    @Parameter
    protected List<Database> databases;

    /** How many databases or schemas run at once; 0 (the default) means one per processor. */
    @Parameter(property = "migrate.parallel", defaultValue = "0")
    protected int parallel;

    /** Stop starting further databases after the first failure (those running finish). */
    @Parameter(property = "migrate.failFast", defaultValue = "false")
    protected boolean failFast;

    /** The current member's prefixed log, on the thread that runs it. */
    private final ThreadLocal<Log> memberLog = new ThreadLocal<>();

    /** Each failed member's message, passwords masked, by member name. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    @Override
    public Log getLog() {
        Log log = memberLog.get();
        return log != null ? log : super.getLog();
    }

    /**
     * The goal's work on one database. Returns where the database stands afterwards.
     */
    protected abstract Status runOne(Migrator migrator, MigrateConfig config) throws MojoFailureException,
            MojoExecutionException;

    /** Checks the goal's own parameters once, before any database is touched. */
    protected void checkParameters() throws MojoFailureException {
    }

    /** Whether the goal moves databases, so where each stood before is worth a reading. */
    protected boolean moves() {
        return true;
    }

    @Override
    protected final void run(Migrator migrator, MigrateConfig config) throws MojoFailureException,
            MojoExecutionException {
        checkParameters();
        List<Member> members = members(config);
        if (members.isEmpty()) {
            runOne(migrator, config);
            return;
        }
        List<String> refused = FanOut.refusals(members);
        if (!refused.isEmpty()) {
            throw new MojoFailureException("migrate:" + goal() + " refused " + refused.size() + " of " + members.size()
                    + " databases before any of them started: " + String.join("; ", refused));
        }
        // a broken file would fail every database the same way: report it once, before any connection
        migrator.filesOnly();
        FanOut fanOut = new FanOut(parallel, failFast);
        Log log = super.getLog();
        log.info("migrate:" + goal() + " on " + members.size() + " databases, " + Math.min(fanOut.parallel(),
                members.size()) + " at a time" + (failFast ? ", stopping at the first failure" : ""));
        Summary summary = fanOut.run(members, this::runMember);
        log.info("");
        summary.table().forEach(log::info);
        fail(summary, members.size());
    }

    private void runMember(Member member, FanOut.Tally tally) throws Exception {
        memberLog.set(new PrefixedLog(super.getLog(), member.name()));
        LogListener listener = new LogListener(getLog());
        Migrator migrator = null;
        try {
            migrator = new Migrator(member.config(), listener);
            if (moves()) {
                tally.from(migrator.status());
            }
            Status after = runOne(migrator, member.config());
            tally.to(after);
            if (!moves()) {
                tally.from(after);
            }
        } catch (MojoFailureException | MojoExecutionException | RuntimeException e) {
            String message = message(e, member.config().password());
            failures.put(member.name(), message);
            getLog().error("migrate:" + goal() + " failed: " + message);
            try {
                Status now = migrator == null ? null : migrator.status();
                tally.to(now);
                if (!moves()) {
                    tally.from(now);
                }
            } catch (RuntimeException unknown) {
                // where it stands stays "?": the database may be unreachable
            }
            throw e;
        } finally {
            tally.revisions(listener.completed());
            memberLog.remove();
        }
    }

    private void fail(Summary summary, int total) throws MojoFailureException, MojoExecutionException {
        List<MemberResult> failed = summary.failed();
        if (failed.isEmpty()) {
            return;
        }
        String list = failed.stream()
                .map(r -> r.name() + " (" + oneLine(failures.getOrDefault(r.name(), String.valueOf(r.failure()))) + ")")
                .collect(Collectors.joining("; "));
        int skipped = summary.skipped().size();
        String message = "migrate:" + goal() + " failed on " + failed.size() + " of " + total + " databases: " + list
                + (skipped == 0 ? "" : "; " + skipped + " not started (migrate.failFast)")
                + ". The others are listed in the table above; each failure's full message is in the log, prefixed"
                + " with its database.";
        boolean userError = failed.stream().map(MemberResult::failure).anyMatch(e -> e instanceof MojoFailureException
                || e instanceof MigrateException migrate && migrate.isUserError());
        if (userError) {
            throw new MojoFailureException(message);
        }
        throw new MojoExecutionException(message);
    }

    /** The databases and schemas to run on; empty when the goal runs on the configured database alone. */
    private List<Member> members(MigrateConfig config) throws MojoFailureException, MojoExecutionException {
        return Members.of(goal(), schemas, databases, config, this::credentials);
    }

    private static String message(Exception e, String password) {
        return Redaction.redact(String.valueOf(e instanceof MigrateException || e instanceof MojoFailureException
                || e instanceof MojoExecutionException ? e.getMessage() : e), password);
    }

    /** A failure's message on one line, cut short: the full message is in the log above. */
    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*\n\\s*", " ");
        return line.length() <= 240 ? line : line.substring(0, 240) + "...";
    }
}
