package dev.migrate.testing;

import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.revision.RevisionFolder;
import java.nio.file.Path;

/**
 * Scans a revisions folder in a JVM of its own (so a test can cap its heap) and prints the number
 * of problems, revisions and upgrade statements.
 */
public final class ScanProcess {

    private ScanProcess() {
    }

    public static void main(String[] args) {
        RevisionFolder folder = RevisionFolder.scan(Path.of(args[0]), PostgresSyntax.INSTANCE);
        int statements = folder.revisions().stream().mapToInt(r -> r.upgrade().statements().size()).sum();
        System.out.println("problems=" + folder.problems().size() + " revisions=" + folder.revisions().size()
                + " statements=" + statements);
    }

    /** Runs the scan with at most {@code maxHeapMb} of heap and returns what it printed. */
    public static String run(Path folder, int maxHeapMb) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx" + maxHeapMb + "m", "-cp", System.getProperty("java.class.path"),
                ScanProcess.class.getName(), folder.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output.strip();
    }
}
