package dev.migrate.database;

import java.time.Instant;
import java.util.Optional;

/**
 * The names of the scratch databases the plugin makes: a prefix of its own, the time the name was
 * made (seconds since the epoch, base 36) and a random part, so that any later run can tell a
 * database a killed run left behind, and how old it is, from its name alone, whoever made it.
 */
public final class ScratchNames {

    /** What every scratch database's name starts with (the rights a MySQL user needs name it too). */
    public static final String PREFIX = "migrate_verify_";

    /** The text of the marker a product that has database comments writes on each scratch database. */
    public static final String MARKER = "migrate-maven-plugin scratch database";

    private ScratchNames() {
    }

    /** A stem for the names one scratch database makes: the prefix, {@code now} and {@code random}. */
    public static String stem(Instant now, long random) {
        return PREFIX + Long.toString(now.getEpochSecond(), 36) + "_" + Long.toString(random & Long.MAX_VALUE, 36);
    }

    /** When the database named {@code name} was made, or empty when it is not a name the plugin made. */
    public static Optional<Instant> madeAt(String name) {
        if (name == null || !name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = name.substring(PREFIX.length());
        int end = rest.indexOf('_');
        if (end <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(rest.substring(0, end), 36)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The marker for a database made now by this process: who made it, where, and when. */
    public static String marker(Instant now) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "an unknown host";
        }
        return MARKER + ", made by process " + ProcessHandle.current().pid() + " on " + host + " at " + now;
    }
}
