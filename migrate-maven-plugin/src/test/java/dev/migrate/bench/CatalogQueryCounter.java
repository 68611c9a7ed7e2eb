package dev.migrate.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * A JDBC driver in front of MariaDB's that counts the queries sent to {@code information_schema}
 * and the rows they return, per table of it: load-independent figures for what verify reads of the
 * catalog. Takes the URLs that carry {@code countCatalog=true}; found by the plugin's
 * {@code ServiceLoader} when a {@code META-INF/services/java.sql.Driver} naming it comes first on
 * the class path (see {@link SeederQueryCount}). For measuring only.
 */
public final class CatalogQueryCounter implements Driver {

    private static final String MARK = "countCatalog=true";
    private static final Map<String, LongAdder[]> TALLY = new java.util.concurrent.ConcurrentHashMap<>();
    private final Driver real = new org.mariadb.jdbc.Driver();

    /** Per information_schema table and kind of query: queries, rows, tables named (by-name queries). */
    static Map<String, long[]> tally() {
        Map<String, long[]> out = new TreeMap<>();
        TALLY.forEach((k, v) -> out.put(k, new long[] {v[0].sum(), v[1].sum(), v[2].sum()}));
        return out;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection connection = real.connect(url.replace("&" + MARK, "").replace("?" + MARK, "?"), info);
        return connection == null ? null : proxy(Connection.class, connection);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (p, method, args) -> {
            Object result = call(method, target, args);
            String name = method.getName();
            if (result instanceof java.sql.PreparedStatement statement && args != null && args[0] instanceof String sql) {
                return counting(java.sql.PreparedStatement.class, statement, sql);
            }
            if (result instanceof java.sql.Statement statement && name.equals("createStatement")) {
                return counting(java.sql.Statement.class, statement, null);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(CatalogQueryCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @SuppressWarnings("unchecked")
    private static <T extends java.sql.Statement> T counting(Class<T> type, T target, String prepared) {
        InvocationHandler handler = (p, method, args) -> {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
            LongAdder[] tally = sql == null || !method.getName().startsWith("execute") ? null : tallyOf(sql);
            if (tally != null) {
                tally[0].increment();
            }
            Object result = call(method, target, args);
            if (tally != null && result instanceof ResultSet rs) {
                return countingRows(rs, tally[1]);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(CatalogQueryCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static ResultSet countingRows(ResultSet target, LongAdder rows) {
        InvocationHandler handler = (p, method, args) -> {
            Object result = call(method, target, args);
            if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                rows.increment();
            }
            return result;
        };
        return (ResultSet) Proxy.newProxyInstance(CatalogQueryCounter.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, handler);
    }

    /** Calls {@code method} on the real object, throwing what it throws rather than the reflective wrapper. */
    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The tally of the information_schema table {@code sql} reads first, or null when it reads none. */
    private static LongAdder[] tallyOf(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("information_schema.");
        if (at < 0) {
            return null;
        }
        int end = at + "information_schema.".length();
        while (end < lower.length() && (Character.isLetterOrDigit(lower.charAt(end)) || lower.charAt(end) == '_')) {
            end++;
        }
        // a query over the whole database opens every table's definition; one by table name only those named
        int named = lower.split("table_name = \\?", -1).length - 1;
        String key = lower.substring(at, end) + (named > 0 ? " by name" : " whole database");
        LongAdder[] tally = TALLY.computeIfAbsent(key,
                k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
        tally[2].add(named);
        return tally;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith("jdbc:mariadb:") && url.contains(MARK);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return real.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return real.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return real.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }
}
