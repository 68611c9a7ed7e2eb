package dev.migrate.database.postgres;

import dev.migrate.database.SequenceOptions;
import dev.migrate.database.ColumnSpec;
import dev.migrate.database.DdlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes PostgreSQL DDL from the definitions {@code pg_get_*} printed into a snapshot: most
 * definitions are already valid SQL (index, constraint, function and trigger definitions), so this
 * class mostly qualifies names and puts the right statement around them.
 *
 * <p>Longer than most classes: one short method per kind of change the planners ask for, as the
 * {@link dev.migrate.database.DdlWriter} interface lists them.
 */
public final class PostgresDdlWriter implements DdlWriter {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** Words PostgreSQL reads as keywords where a name stands; quoting them is never wrong. */
    private static final Set<String> KEYWORDS = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
            "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint",
            "create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from",
            "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
            "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading", "least",
            "left", "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize",
            "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer",
            "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references", "returning",
            "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
            "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim",
            "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where",
            "window", "with");
    private static final Pattern VIEW_OPTIONS = Pattern.compile("(?s)(.*?);?\\s*WITH \\{(.*)}");
    private static final Pattern EXTENSION = Pattern.compile("version (.+) in schema (.+)");
    /**
     * How PostgreSQL prints {@code col IN ('a', 'b')} on a varchar column; read back, that text means
     * the same but prints differently (an array cast instead of casts on each element), so the
     * generated SQL says {@code IN} again and the object compares equal.
     */
    private static final Pattern VARCHAR_IN = Pattern.compile("((?:\\w+\\.)?\\w+)::text (=|<>) (ANY|ALL) \\(ARRAY\\[("
            + "(?:'(?:[^']|'')*'::character varying(?:, )?)+)\\]::text\\[\\]\\)");

    /** {@code expression} with every varchar IN list written back as IN, which reads back the same. */
    static String roundTrip(String expression) {
        Matcher m = VARCHAR_IN.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean in = m.group(2).equals("=") && m.group(3).equals("ANY");
            boolean notIn = m.group(2).equals("<>") && m.group(3).equals("ALL");
            if (!in && !notIn) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String values = m.group(4).replace("::character varying", "");
            m.appendReplacement(out, Matcher.quoteReplacement("(" + m.group(1) + (in ? " IN (" : " NOT IN (") + values
                    + "))"));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String columnOrderAdvice() {
        return "PostgreSQL cannot move a column, so rebuild the table by hand or accept the order";
    }

    @Override
    public String quote(String name) {
        if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String name(String schema, String name) {
        return schema == null || "public".equals(schema) ? quote(name) : quote(schema) + "." + quote(name);
    }

    @Override
    public String createExtension(String extension, String definition) {
        Matcher m = EXTENSION.matcher(definition);
        String schema = m.matches() && !"public".equals(m.group(2)) ? " SCHEMA " + quote(m.group(2)) : "";
        return "CREATE EXTENSION IF NOT EXISTS " + quote(extension) + schema;
    }

    @Override
    public String dropExtension(String extension) {
        return "DROP EXTENSION " + quote(extension);
    }

    @Override
    public String createTable(String table, String definition, List<String> columns, List<String> constraints) {
        List<String> clauses = new ArrayList<>(columns);
        clauses.addAll(constraints);
        String unlogged = definition.contains(" UNLOGGED") ? "UNLOGGED " : "";
        StringBuilder sql = new StringBuilder("CREATE " + unlogged + "TABLE " + table + " (");
        for (int i = 0; i < clauses.size(); i++) {
            sql.append(i == 0 ? "\n    " : ",\n    ").append(clauses.get(i));
        }
        sql.append(clauses.isEmpty() ? ")" : "\n)");
        int partition = definition.indexOf("PARTITION BY ");
        if (partition >= 0) {
            String key = definition.substring(partition + "PARTITION BY ".length());
            sql.append(" PARTITION BY ").append(cut(key, " UNLOGGED", " WITH {"));
        }
        int with = definition.indexOf(" WITH {");
        if (with >= 0) {
            sql.append(" WITH (").append(definition, with + " WITH {".length(), definition.lastIndexOf('}')).append(')');
        }
        return sql.toString();
    }

    private static String cut(String text, String... markers) {
        int end = text.length();
        for (String marker : markers) {
            int at = text.indexOf(marker);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return text.substring(0, end);
    }

    @Override
    public String column(String column, ColumnSpec spec, String defaultExpression) {
        StringBuilder sql = new StringBuilder(quote(column)).append(' ').append(spec.type());
        if (spec.collation() != null) {
            sql.append(" COLLATE ").append('"').append(spec.collation().replace("\"", "\"\"")).append('"');
        }
        if (spec.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(spec.generated()).append(") STORED");
        }
        if (defaultExpression != null) {
            sql.append(" DEFAULT ").append(defaultExpression);
        }
        if (spec.notNull()) {
            sql.append(" NOT NULL");
        }
        if (spec.identity() != null) {
            sql.append(' ').append(spec.identity());
        }
        return sql.toString();
    }

    @Override
    public String alterType(String table, String column, ColumnSpec from, ColumnSpec to) {
        String sql = "ALTER TABLE " + table + " ALTER COLUMN " + quote(column) + " TYPE " + to.type();
        if (to.collation() != null) {
            sql += " COLLATE \"" + to.collation() + "\"";
        }
        if (!sameFamily(from.type(), to.type())) {
            sql += " USING " + quote(column) + "::" + to.type();
        }
        return sql;
    }

    /** Whether PostgreSQL converts between the two types on assignment, so no USING is needed. */
    static boolean sameFamily(String a, String b) {
        String fa = family(a);
        return fa != null && fa.equals(family(b));
    }

    private static String family(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.endsWith("[]")) {
            return null;
        }
        if (t.equals("text") || t.startsWith("character") || t.startsWith("varchar") || t.equals("citext")) {
            return "text";
        }
        if (t.equals("smallint") || t.equals("integer") || t.equals("bigint") || t.startsWith("numeric")
                || t.equals("real") || t.equals("double precision")) {
            return "number";
        }
        if (t.startsWith("timestamp") || t.equals("date")) {
            return "time";
        }
        if (t.startsWith("bit")) {
            return "bit";
        }
        return null;
    }

    @Override
    public String identity(String table, String column, String generation) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + quote(column)
                + (generation == null ? " DROP IDENTITY" : " ADD GENERATED " + generation + " AS IDENTITY");
    }

    @Override
    public String constraintClause(String name, String definition) {
        return "CONSTRAINT " + quote(name) + " " + roundTrip(definition);
    }

    @Override
    public String createIndex(String schema, String index, String table, String definition) {
        return roundTrip(definition);
    }

    @Override
    public String createView(String view, String definition, boolean materialized) {
        String body = definition.strip();
        String options = "";
        Matcher m = VIEW_OPTIONS.matcher(body);
        if (m.matches()) {
            body = m.group(1);
            options = " WITH (" + m.group(2) + ")";
        }
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1);
        }
        body = roundTrip(body);
        return "CREATE " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + view + options + " AS\n" + body;
    }

    @Override
    public String dropView(String view, boolean materialized) {
        return "DROP " + (materialized ? "MATERIALIZED VIEW " : "VIEW ") + view;
    }

    @Override
    public String createSequence(String sequence, String definition) {
        return "CREATE SEQUENCE " + sequence + SequenceOptions.of(definition);
    }

    @Override
    public String alterSequence(String sequence, String definition) {
        return "ALTER SEQUENCE " + sequence + SequenceOptions.of(definition);
    }

    @Override
    public String createEnum(String type, List<String> labels) {
        return "CREATE TYPE " + type + " AS ENUM (" + String.join(", ", labels) + ")";
    }

    @Override
    public String addEnumValue(String type, String label, String before) {
        return "ALTER TYPE " + type + " ADD VALUE " + label + (before == null ? "" : " BEFORE " + before);
    }

    @Override
    public String renameType(String type, String newName) {
        return "ALTER TYPE " + type + " RENAME TO " + quote(newName);
    }

    @Override
    public String createComposite(String type, List<String> attributes) {
        return "CREATE TYPE " + type + " AS (" + String.join(", ", attributes) + ")";
    }

    @Override
    public String createRange(String type, String definition) {
        return "CREATE TYPE " + type + " AS " + definition;
    }

    @Override
    public String dropType(String type) {
        return "DROP TYPE " + type;
    }

    @Override
    public String createDomain(String domain, String definition, List<String> constraints) {
        String rest = definition;
        String defaultExpression = null;
        int at = rest.indexOf(" DEFAULT ");
        if (at >= 0) {
            defaultExpression = rest.substring(at + " DEFAULT ".length());
            rest = rest.substring(0, at);
        }
        boolean notNull = rest.endsWith(" NOT NULL");
        String type = notNull ? rest.substring(0, rest.length() - " NOT NULL".length()) : rest;
        StringBuilder sql = new StringBuilder("CREATE DOMAIN " + domain + " AS " + type);
        if (defaultExpression != null) {
            sql.append(" DEFAULT ").append(defaultExpression);
        }
        if (notNull) {
            sql.append(" NOT NULL");
        }
        constraints.forEach(c -> sql.append(' ').append(c));
        return sql.toString();
    }

    @Override
    public String createRoutine(String definition) {
        return definition.strip();
    }

    @Override
    public String dropRoutine(String signature, boolean procedure) {
        return "DROP " + (procedure ? "PROCEDURE " : "FUNCTION ") + signature;
    }

    @Override
    public List<String> createTrigger(String table, String trigger, String definition) {
        int at = definition.lastIndexOf(" (enabled: ");
        if (at < 0) {
            return List.of(definition);
        }
        String state = definition.substring(at + " (enabled: ".length(), definition.length() - 1);
        String how = switch (state) {
            case "D" -> " DISABLE TRIGGER ";
            case "R" -> " ENABLE REPLICA TRIGGER ";
            default -> " ENABLE ALWAYS TRIGGER ";
        };
        return List.of(definition.substring(0, at), "ALTER TABLE " + table + how + quote(trigger));
    }

    @Override
    public String dropTrigger(String table, String trigger) {
        return "DROP TRIGGER " + quote(trigger) + " ON " + table;
    }

    @Override
    public List<String> createStatistics(String definition) {
        return List.of(definition);
    }

    @Override
    public String dropStatistics(String statistics) {
        return "DROP STATISTICS " + statistics;
    }

    @Override
    public String sequenceOwner(String sequence, String table, String column) {
        return "ALTER SEQUENCE " + sequence + " OWNED BY " + (table == null ? "NONE" : table + "." + quote(column));
    }
}
