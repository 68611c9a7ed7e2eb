package dev.migrate.testing;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/**
 * Supplies a fresh H2 and a fresh PostgreSQL database to a {@code @ParameterizedTest}, so one test
 * body runs on both. JUnit closes (drops) each database after its invocation.
 */
public final class BothDatabases implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        // MariaDB has tests of its own (database.mysql): these bodies assume transactional DDL or H2
        return Stream.of(TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRESQL).map(kind -> Arguments.of(new Lazy(kind)));
    }

    /**
     * Creates its database when the test asks for it, so a PostgreSQL outage fails (or skips) the
     * PostgreSQL invocation alone, with a clear message.
     */
    public static final class Lazy implements AutoCloseable {
        private final TestDatabase.Kind kind;
        private TestDatabase database;

        Lazy(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        public TestDatabase get() {
            if (database == null) {
                database = TestDatabase.create(kind);
            }
            return database;
        }

        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }

        @Override
        public String toString() {
            return kind == TestDatabase.Kind.H2 ? "H2" : "PostgreSQL";
        }
    }
}
