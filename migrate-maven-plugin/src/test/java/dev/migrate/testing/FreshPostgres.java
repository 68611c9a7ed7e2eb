package dev.migrate.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method that asks for a {@link TestDatabase} parameter a throw-away PostgreSQL
 * database of its own, with a name unique to the run, dropped when the test ends whatever its
 * outcome: instead of a hand-made create/drop block in each test. Put {@code @FreshPostgres.Each}
 * on the test class (or method).
 */
public final class FreshPostgres implements ParameterResolver {

    /** Switches the extension on for a class or a method. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(FreshPostgres.class)
    public @interface Each {
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshPostgres.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the store closes (drops) it after the test method, also when the test fails
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("db" + parameter.getIndex(),
                key -> new Dropped(TestDatabase.create(TestDatabase.Kind.POSTGRESQL)), Dropped.class).database();
    }

    /** A database JUnit drops when the test's store closes. */
    private record Dropped(TestDatabase database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            database.close();
        }
    }
}
