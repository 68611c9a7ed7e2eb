package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autogenerate against real histories: for every revision, the database after it is the desired
 * schema and the revisions before it are the folder; the generated revision must reproduce the
 * change both ways.
 */
class RealHistoryReproductionTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgres-realistic", "autogen-shop", "autogen-blog", "autogen-saas"})
    void reproducesNineOutOfTenRevisionsBothWays(String history, @TempDir Path work) throws Exception {
        List<Reproduction.Result> results = Reproduction.run(Reproduction.resource(history), work);

        results.forEach(r -> System.out.println("[reproduction " + history + "] " + (r.reproduced() ? "OK   " : "FAIL ")
                + r.revision() + (r.reproduced() && r.exactOrder() ? "" : " -- " + r.why())
                + (Boolean.getBoolean("reproduction.sql") ? "\n" + r.sql() : "")));
        long reproduced = results.stream().filter(Reproduction.Result::reproduced).count();
        System.out.println("[reproduction " + history + "] " + reproduced + "/" + results.size());
        assertThat(reproduced * 10).isGreaterThanOrEqualTo(results.size() * 9L);
    }
}
