package dev.migrate.lint;

import dev.migrate.common.Severity;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The lint rules, each with a short stable id, its severity and the products its advice holds on. */
public enum Rule {

    /** A statement PostgreSQL refuses inside a transaction block, in a transactional revision. */
    CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR, "postgresql"),
    /**
     * A value {@code ALTER TYPE ... ADD VALUE} adds, used later in the same transactional revision:
     * PostgreSQL refuses the use before the transaction commits (SQL state 55P04).
     */
    NEW_ENUM_VALUE_BEFORE_COMMIT("new-enum-value-before-commit", Severity.ERROR, "postgresql"),
    /** DROP TABLE, DROP COLUMN or TRUNCATE in an upgrade. */
    DESTRUCTIVE_UPGRADE("destructive-upgrade", Severity.WARNING),
    /** A NOT NULL column without a default added to an existing table. */
    NOT_NULL_WITHOUT_DEFAULT("not-null-without-default", Severity.WARNING),
    /** A foreign key or check constraint added to an existing table without NOT VALID. */
    CONSTRAINT_WITHOUT_NOT_VALID("constraint-without-not-valid", Severity.WARNING, "postgresql"),
    /** CREATE INDEX without CONCURRENTLY on a table an earlier revision created. */
    INDEX_WITHOUT_CONCURRENTLY("index-without-concurrently", Severity.WARNING, "postgresql"),
    /** A column or table renamed. */
    RENAME("rename", Severity.WARNING),
    /** A column's type changed. */
    COLUMN_TYPE_CHANGE("column-type-change", Severity.WARNING),
    /** An object the upgrade creates that the downgrade never mentions. */
    DOWNGRADE_FORGETS_OBJECT("downgrade-forgets-object", Severity.WARNING),
    /** A revision other than a merge whose upgrade section has no statement. */
    EMPTY_UPGRADE("empty-upgrade", Severity.WARNING),
    /** A {@code lint-ignore:} header naming no rule. */
    UNKNOWN_RULE("unknown-rule", Severity.WARNING),
    /** A statement JSqlParser cannot parse, so only keyword checks looked at it. */
    UNPARSED_STATEMENT("unparsed-statement", Severity.INFO),
    /** An ALTER TABLE on an existing MySQL/MariaDB table that may copy it, without ALGORITHM=. */
    ALTER_MAY_COPY("alter-may-copy", Severity.WARNING, true, "mysql"),
    /** A MySQL/MariaDB section that changes data and runs DDL, which commits on its own. */
    IMPLICIT_COMMIT("implicit-commit", Severity.WARNING, true, "mysql"),
    /** MySQL's three-byte utf8 (utf8mb3) as a character set or collation. */
    UTF8_THREE_BYTE("utf8-three-byte", Severity.WARNING, true, "mysql");

    private final String id;
    private final Severity severity;
    private final Set<String> products;
    /** Whether the rule holds only when the product is known to be one of {@link #products}. */
    private final boolean namedOnly;

    Rule(String id, Severity severity, String... products) {
        this(id, severity, false, products);
    }

    Rule(String id, Severity severity, boolean namedOnly, String... products) {
        this.id = id;
        this.severity = severity;
        this.namedOnly = namedOnly;
        this.products = Set.of(products);
    }

    /**
     * Whether the rule's advice holds on the product named {@code product} (a dialect's first name,
     * {@code postgresql}, {@code h2}, ...; null when not known, where every rule applies but those
     * about another syntax, MySQL's). A rule that names no product holds on all of them.
     */
    public boolean appliesTo(String product) {
        if (product == null) {
            return !namedOnly;
        }
        return products.isEmpty() || products.contains(product);
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }
}
