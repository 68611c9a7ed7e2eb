package dev.migrate.database;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

/**
 * The database products the plugin knows, found with {@link ServiceLoader} in the plugin's class
 * loader (so a jar added as a plugin {@code <dependency>} can bring a product of its own), asked in
 * the order of the priority each declares.
 */
public final class Dialects {

    private static final List<Dialect> PRODUCTS = load();

    private Dialects() {
    }

    private static List<Dialect> load() {
        ServiceLoader<Dialect> loader = ServiceLoader.load(Dialect.class, Dialect.class.getClassLoader());
        List<Dialect> found = StreamSupport.stream(loader.spliterator(), false)
                .sorted(Comparator.comparingInt(Dialect::priority).reversed())
                .toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no database product is registered in META-INF/services/"
                    + Dialect.class.getName() + "; the plugin jar is incomplete");
        }
        return found;
    }

    /** Every registered product, the highest priority first. */
    public static List<Dialect> all() {
        return PRODUCTS;
    }

    /** The product of a JDBC URL; the generic product, which accepts any URL, when no other does. */
    public static Dialect forUrl(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return PRODUCTS.stream().filter(dialect -> dialect.accepts(lower)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no database product accepts " + lower));
    }

    /** The product a user names ({@code postgresql}, {@code pg}, {@code h2}, ...), if any. */
    public static Optional<Dialect> byName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return PRODUCTS.stream().filter(dialect -> dialect.names().contains(lower)).findFirst();
    }
}
