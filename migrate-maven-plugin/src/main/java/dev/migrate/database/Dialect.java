package dev.migrate.database;

import java.util.Locale;

/** What the plugin must know about a database product, chosen from the JDBC URL. */
public enum Dialect {

    POSTGRESQL("PostgreSQL", true, "TEXT", "TIMESTAMP WITH TIME ZONE"),
    H2("H2", false, "VARCHAR(1000000)", "TIMESTAMP WITH TIME ZONE"),
    /** Any other database a user brought a driver for: standard SQL only, DDL not assumed transactional. */
    OTHER("database", false, "VARCHAR(4000)", "TIMESTAMP");

    private final String displayName;
    private final boolean transactionalDdl;
    private final String textType;
    private final String timestampType;

    Dialect(String displayName, boolean transactionalDdl, String textType, String timestampType) {
        this.displayName = displayName;
        this.transactionalDdl = transactionalDdl;
        this.textType = textType;
        this.timestampType = timestampType;
    }

    public static Dialect fromUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        return OTHER;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether a failed revision's DDL is rolled back with its transaction. */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }

    public String textType() {
        return textType;
    }

    public String timestampType() {
        return timestampType;
    }
}
