package dev.migrate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateConfig;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.database.testproduct.TestProduct;
import dev.migrate.testing.RevisionFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product registered only in the tests' {@code META-INF/services} (package
 * {@code database.testproduct}) is found for its URL and used all the way through the facade,
 * with no change to the plugin's code.
 */
class PluggedProductTest {

    static final String URL = "jdbc:testproduct:inventory";

    @TempDir
    Path dir;

    @Test
    void aProductRegisteredAsAServiceIsPickedForItsUrl() {
        assertThat(Dialects.forUrl(URL)).isInstanceOf(TestProduct.class);
        assertThat(Dialects.byName("testproduct")).containsInstanceOf(TestProduct.class);
        assertThat(DatabaseTarget.resolve(URL, null, null, null, "migrate_history").product())
                .isInstanceOf(TestProduct.class);
    }

    @Test
    void productsAreAskedInTheOrderOfTheirPriorityTheGenericOneLast() {
        assertThat(Dialects.all()).extracting(Dialect::priority).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(Dialects.all().get(Dialects.all().size() - 1).accepts("jdbc:anything:else")).isTrue();
        assertThat(Dialects.forUrl("jdbc:anything:else")).isNotInstanceOf(TestProduct.class);
    }

    @Test
    void theFacadeWritesTheOfflineScriptOfTheProductOfItsUrl() {
        RevisionFiles.in(dir).add("20260101000000_create_a", "base", "CREATE TABLE a (id INT);", "DROP TABLE a;");
        Migrator migrator = new Migrator(new MigrateConfig(URL, null, null, "stock", dir, null),
                MigrationListener.SILENT);

        String script = migrator.offlineScript(null, "head", null, null).text();

        assertThat(script).contains("for Test product").contains(TestProduct.HINT).contains("USE SCHEMA stock;")
                .contains("CREATE TABLE a (id INT);");
    }

    @Test
    void theProductsReservedWordsAreRefusedAsTheHistoryTable() {
        assertThatThrownBy(() -> new Migrator(new MigrateConfig(URL, null, null, null, dir, "refused_by_test_product"),
                MigrationListener.SILENT))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("refused_by_test_product")
                .hasMessageContaining("Test product");
    }
}
