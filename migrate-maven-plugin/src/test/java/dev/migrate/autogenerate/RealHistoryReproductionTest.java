package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autogenerate against real histories: for every revision, the database after it is the desired
 * schema and the revisions before it are the folder; the generated revision must reproduce the
 * change both ways. The project's realistic history runs always; the longer shop, blog and SaaS
 * histories (about ten minutes on a small machine) with {@code -Dautogenerate.histories=all}.
 */
class RealHistoryReproductionTest {

    @Test
    void reproducesEveryRevisionOfTheRealisticHistory(@TempDir Path work) throws Exception {
        assertThat(reproduced("postgres-realistic", work)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"autogen-shop", "autogen-blog", "autogen-saas"})
    @EnabledIfSystemProperty(named = "autogenerate.histories", matches = "all")
    void reproducesNineOutOfTenRevisionsOfLongerHistories(String history, @TempDir Path work) throws Exception {
        assertThat(reproduced(history, work)).isGreaterThanOrEqualTo(0.9);
    }

    /** The share of revisions reproduced both ways; prints one line per revision with the reason of each failure. */
    private static double reproduced(String history, Path work) throws Exception {
        List<Reproduction.Result> results = Reproduction.run(Reproduction.resource(history), work);
        results.forEach(r -> System.out.println("[reproduction " + history + "] " + (r.reproduced() ? "OK   " : "FAIL ")
                + r.revision() + (r.reproduced() && r.exactOrder() ? "" : " -- " + r.why())
                + (Boolean.getBoolean("reproduction.sql") ? "\n" + r.sql() : "")));
        long reproduced = results.stream().filter(Reproduction.Result::reproduced).count();
        long exact = results.stream().filter(Reproduction.Result::exactOrder).count();
        System.out.println("[reproduction " + history + "] " + reproduced + "/" + results.size()
                + " reproduced both ways (" + exact + " also with every column in its place)");
        return (double) reproduced / results.size();
    }
}
