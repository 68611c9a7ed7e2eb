package dev.migrate.database.postgres;

import dev.migrate.database.SnapshotUnits;
/**
 * The catalog queries of {@link PostgresSnapshotReader}: one per kind of object, each row ending
 * with the object ids that tie it to its unit (see {@link SnapshotUnits}).
 */
final class PostgresCatalogQueries {

    private PostgresCatalogQueries() {
    }

    static final String USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
            + " AND n.nspname <> '" + PostgresChangeLog.SCHEMA + "'";

    private static String notInExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep"
                + " WHERE dep.classid = 'pg_catalog." + catalog + "'::regclass AND dep.objid = "
                + oid + " AND dep.deptype = 'e')";
    }

    // catalog class ids, fixed since PostgreSQL 8
    static final long PG_CLASS = 1259;
    static final long PG_TYPE = 1247;
    static final long PG_PROC = 1255;
    static final long PG_CONSTRAINT = 2606;
    static final long PG_TRIGGER = 2620;
    static final long PG_ATTRDEF = 2604;
    static final long PG_NAMESPACE = 2615;
    static final long PG_EXTENSION = 3079;
    static final long PG_STATISTIC_EXT = 3381;

    static final String SCHEMAS = "SELECT n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace'), n.oid"
            + " FROM pg_catalog.pg_namespace n WHERE " + USER_SCHEMA;

    static final String EXTENSIONS = "SELECT e.extname, e.extversion, n.nspname, e.oid FROM pg_catalog.pg_extension e"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace";

    static final String RELATIONS = "SELECT n.nspname, c.relname, c.relkind, c.relpersistence,"
            + " CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END,"
            + " pg_catalog.obj_description(c.oid, 'pg_class'), c.reloptions::text,"
            + " CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,"
            + " CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,"
            + " (SELECT pg_catalog.string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno)"
            + " FROM pg_catalog.pg_inherits i"
            + "   WHERE i.inhrelid = c.oid),"
            + " pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,"
            + " s.seqcache, s.seqcycle,"
            + " c.oid"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid"
            + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND " + USER_SCHEMA
            + " AND " + notInExtension("pg_class", "c.oid");

    static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
            + " a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
            + " CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,"
            + " pg_catalog.col_description(c.oid, a.attnum),"
            + " c.relkind, c.oid, d.oid"
            + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
            + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'c') AND " + USER_SCHEMA
            + " AND " + notInExtension("pg_class", "c.oid");

    static final String COLUMN_ORDER = " ORDER BY n.nspname, c.relname, a.attnum";

    static final String CONSTRAINTS = "SELECT n.nspname, c.relname, t.typname, k.conname,"
            + " pg_catalog.pg_get_constraintdef(k.oid, true), pg_catalog.obj_description(k.oid, 'pg_constraint'),"
            + " k.oid, k.conrelid,"
            + " k.contypid"
            + " FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_namespace n ON n.oid = k.connamespace"
            + " LEFT JOIN pg_catalog.pg_class c ON c.oid = k.conrelid LEFT JOIN pg_catalog.pg_type t ON t.oid = k.contypid"
            + " WHERE " + USER_SCHEMA;

    // indexes that back a primary key, unique or exclusion constraint are part of the constraint
    static final String INDEXES = "SELECT n.nspname, t.relname, i.relname, pg_catalog.pg_get_indexdef(i.oid),"
            + " pg_catalog.obj_description(i.oid, 'pg_class'), i.oid, t.oid"
            + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
            + " JOIN pg_catalog.pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace"
            + " WHERE " + USER_SCHEMA + " AND " + notInExtension("pg_class", "t.oid")
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = x.indexrelid"
            + "   AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))";

    static final String ROUTINES = "SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid),"
            + " p.prokind, CASE WHEN p.prokind IN ('f', 'p') THEN pg_catalog.pg_get_functiondef(p.oid)"
            + "   ELSE p.prokind::text || ' ' || pg_catalog.pg_get_function_result(p.oid) END,"
            + " pg_catalog.obj_description(p.oid, 'pg_proc'), p.oid"
            + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE " + USER_SCHEMA + " AND " + notInExtension("pg_proc", "p.oid");

    static final String TRIGGERS = "SELECT n.nspname, c.relname, g.tgname, pg_catalog.pg_get_triggerdef(g.oid, true),"
            + " g.tgenabled, pg_catalog.obj_description(g.oid, 'pg_trigger'), g.oid, g.tgrelid"
            + " FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE NOT g.tgisinternal AND " + USER_SCHEMA
            + " AND g.tgname NOT LIKE '" + PostgresChangeLog.SCHEMA + "\\_%'";

    // extended statistics: the definition names the object and its table qualified where not on the search path
    static final String STATISTICS = "SELECT n.nspname, c.relname, s.stxname, pg_catalog.pg_get_statisticsobjdef(s.oid),"
            + " NULL, s.oid, s.stxrelid, cn.nspname"
            + " FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace"
            + " JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace"
            + " WHERE " + USER_SCHEMA + " AND " + notInExtension("pg_class", "c.oid");

    // enum, domain, range and stand-alone composite types; a table's row type is the table itself
    static final String TYPES = "SELECT n.nspname, t.typname, t.typtype,"
            + " (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)"
            + " FROM pg_catalog.pg_enum e"
            + "   WHERE e.enumtypid = t.oid),"
            + " CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END, t.typnotnull,"
            + " t.typdefault,"
            + " (SELECT pg_catalog.format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid),"
            + " pg_catalog.obj_description(t.oid, 'pg_type'), t.oid"
            + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE " + USER_SCHEMA + " AND " + notInExtension("pg_type", "t.oid")
            + " AND (t.typtype IN ('e', 'd', 'r')"
            + "   OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
            + " WHERE c.oid = t.typrelid AND c.relkind = 'c')))";

    static final String RELATIONS_IN = " AND c.oid = ANY(?::text::oid[])";
    static final String TYPES_IN = " AND t.oid = ANY(?::text::oid[])";
}
