package dev.migrate.maven;

/**
 * One entry of the {@code <databases>} list: a database a goal runs on besides (instead of) the
 * configured one. Maven fills it from the POM; the password is better given through
 * {@code serverId}, since Maven prints plain configuration values in its debug output.
 */
public class Database {

    /** A short name for log lines and the summary; by default the URL (password masked) and schema. */
    String name;

    /** JDBC URL (required). */
    String url;

    /** Database user; when empty, the URL's. */
    String user;

    /** Database password; prefer {@code serverId}. */
    String password;

    /** Id of a {@code <server>} of settings.xml holding user and password. */
    String serverId;

    /** Schema for the history table and the revisions' objects; when empty, the connection's default. */
    String schema;

    @Override
    public String toString() {
        return "Database[name=" + name + ", serverId=" + serverId + ", schema=" + schema + "]";
    }
}
