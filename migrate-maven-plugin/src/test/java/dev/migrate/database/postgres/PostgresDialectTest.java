package dev.migrate.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What PostgreSQL's dialect does with URLs. */
class PostgresDialectTest {

    @Test
    void swapsTheDatabaseOfAPostgresUrl() {
        assertThat(PostgresDialect.withDatabase("jdbc:postgresql://db:5432/app?user=x&ssl=true", "scratch"))
                .isEqualTo("jdbc:postgresql://db:5432/scratch?user=x&ssl=true");
        assertThat(PostgresDialect.withDatabase("jdbc:postgresql://db/app", "scratch")).isEqualTo("jdbc:postgresql://db/scratch");
        assertThat(PostgresDialect.withDatabase("jdbc:postgresql://db:5432", "scratch"))
                .isEqualTo("jdbc:postgresql://db:5432/scratch");
        assertThat(PostgresDialect.withDatabase("jdbc:postgresql:app", "scratch")).isEqualTo("jdbc:postgresql:scratch");
    }
}
