package dev.migrate.database;

import dev.migrate.common.Redaction;

/**
 * Where a database is and who connects to it.
 *
 * @param url JDBC URL
 * @param user database user, or null to use the URL's
 * @param password database password, or null; never printed
 */
public record ConnectionSettings(String url, String user, String password) {

    /** The same user and password on another database. */
    public ConnectionSettings at(String otherUrl) {
        return new ConnectionSettings(otherUrl, user, password);
    }

    /** The settings with the password left out and passwords in the URL masked. */
    @Override
    public String toString() {
        return "ConnectionSettings[url=" + Redaction.redactUrl(url) + ", user=" + user + ", password="
                + (password == null ? "none" : "****") + "]";
    }
}
