package dev.migrate.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throw-away PostgreSQL databases for a test, instead of a hand-made create/drop block: put
 * {@code @FreshPostgres.Each} on the test class or method to get one for each {@link TestDatabase}
 * parameter, or on a {@link TestDatabase} field to have it filled before each test (see
 * {@link FreshDatabases}).
 */
public final class FreshPostgres extends FreshDatabases {

    /** Switches the extension on for a class, a method or a field. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(FreshPostgres.class)
    public @interface Each {
    }

    public FreshPostgres() {
        super(TestDatabase.Kind.POSTGRESQL, Each.class);
    }
}
