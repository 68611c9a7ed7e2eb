package dev.migrate.schema;

/**
 * A product's schema that users leave unnamed, so messages name its objects without it. Products
 * that have one register it in {@code META-INF/services/dev.migrate.schema.UnnamedSchema}; the
 * snapshot model asks every registered one, knowing no product itself.
 */
public interface UnnamedSchema {

    /** Whether {@code schema}, as the catalog spells it, is one users of this product leave unnamed. */
    boolean isUnnamed(String schema);
}
