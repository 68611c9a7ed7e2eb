package dev.migrate.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throw-away MariaDB databases for a test, instead of a hand-made create/drop block: put
 * {@code @FreshMariaDb.Each} on the test class or method to get one for each {@link TestDatabase}
 * parameter, or on a {@link TestDatabase} field to have it filled before each test (see
 * {@link FreshDatabases}).
 */
public final class FreshMariaDb extends FreshDatabases {

    /** Switches the extension on for a class, a method or a field. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(FreshMariaDb.class)
    public @interface Each {
    }

    public FreshMariaDb() {
        super(TestDatabase.Kind.MARIADB, Each.class);
    }
}
