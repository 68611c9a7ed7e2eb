package dev.migrate.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every entry of migrate.schemas is checked before any member starts, and every refusal is named. */
class FanOutRefusalsTest {

    @TempDir
    Path dir;

    @Test
    void namesEveryRefusedSchemaAtOnceAndNoAcceptedOne() {
        MigrateConfig config = new MigrateConfig("jdbc:h2:mem:refusals", null, null, null, dir, null);
        List<Member> members = List.of("tenant_01", "select", "tenant_02", "bad-name").stream()
                .map(schema -> new Member(schema, config.withSchema(schema))).toList();

        List<String> refused = FanOut.refusals(members);

        assertThat(refused).hasSize(2);
        assertThat(refused.get(0)).startsWith("select: ").contains("migrate.schema is 'select', a reserved word");
        assertThat(refused.get(1)).startsWith("bad-name: ").contains("migrate.schema");
    }

    @Test
    void acceptsAListOfPlainNames() {
        MigrateConfig config = new MigrateConfig("jdbc:h2:mem:refusals", null, null, null, dir, null);

        assertThat(FanOut.refusals(List.of(new Member("a", config.withSchema("a")), new Member("b",
                config.withSchema("b"))))).isEmpty();
    }
}
