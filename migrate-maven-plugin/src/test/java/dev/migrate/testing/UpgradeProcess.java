package dev.migrate.testing;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import java.nio.file.Path;

/**
 * Runs {@code upgrade head} in a JVM of its own, so a test can kill it with SIGKILL mid-statement.
 * Arguments: JDBC URL, revisions folder.
 */
public final class UpgradeProcess {

    private UpgradeProcess() {
    }

    public static void main(String[] args) {
        MigrationListener printing = new MigrationListener() {
            @Override
            public void info(String message) {
                System.out.println(message);
            }
        };
        new Migrator(Configs.config(args[0], Path.of(args[1])), printing).upgrade("head");
        System.out.println("done");
    }

    /** Starts this class in a new JVM with the test class path. */
    public static Process start(String url, Path revisions) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), UpgradeProcess.class.getName(),
                url, revisions.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Kills {@code process}, when there is one still running, and waits up to 10 s for it to end. */
    public static void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
