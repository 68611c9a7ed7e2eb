package dev.migrate.database.mysql;

import java.util.Locale;

/** JDBC URLs of MySQL and MariaDB servers: the scheme the shipped driver accepts, and the database part. */
final class MysqlUrls {

    static final String MYSQL = "jdbc:mysql:";
    static final String MARIADB = "jdbc:mariadb:";

    private MysqlUrls() {
    }

    /**
     * MariaDB Connector/J takes {@code jdbc:mysql:} only when the URL carries
     * {@code permitMysqlScheme}, so that it does not take that scheme from MySQL Connector/J when both
     * are present; a user who configured {@code jdbc:mysql:} means this driver to serve it.
     */
    static String forDriver(String url) {
        if (!url.regionMatches(true, 0, MYSQL, 0, MYSQL.length())
                || url.toLowerCase(Locale.ROOT).contains("permitmysqlscheme")) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? "?" : "&") + "permitMysqlScheme";
    }

    /** {@code url} with its database replaced by {@code database} (the server part and options kept). */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query);
        String base = query < 0 ? url : url.substring(0, query);
        int hosts = base.indexOf("//");
        int slash = hosts < 0 ? -1 : base.indexOf('/', hosts + 2);
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + database + params;
    }

    /** {@code url} with no database selected, for statements about databases. */
    static String withoutDatabase(String url) {
        return withDatabase(url, "");
    }
}
