package dev.migrate.database.testproduct;

import dev.migrate.common.Log;
import dev.migrate.database.Identifier;
import dev.migrate.database.MigrationLock;
import dev.migrate.database.ScratchlessDialect;
import dev.migrate.sql.SqlSyntax;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A database product that lives in the test sources only, registered in the tests'
 * {@code META-INF/services/dev.migrate.database.Dialect}: the proof that a product is one package
 * and one services line, with no change to the plugin's code. It takes {@code jdbc:testproduct:}
 * URLs and has no driver, so only what needs no connection can run against it.
 */
public final class TestProduct extends ScratchlessDialect {

    /** The first line of its offline scripts. */
    public static final String HINT = "-- run with the test product's own client\n";

    /** Its client's rules: standard SQL, declared here so that the product stays one package. */
    private static final SqlSyntax SYNTAX = new SqlSyntax() {
        private final Set<Feature> features = EnumSet.of(Feature.DOUBLE_QUOTED_IDENTIFIERS,
                Feature.NESTED_BLOCK_COMMENTS, Feature.PARENTHESES_HOLD_SEMICOLONS);

        @Override
        public String name() {
            return "test product SQL";
        }

        @Override
        public boolean has(Feature feature) {
            return features.contains(feature);
        }
    };

    @Override
    public SqlSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String displayName() {
        return "Test product";
    }

    @Override
    public String urlPrefix() {
        return "jdbc:testproduct:";
    }

    @Override
    public List<String> names() {
        return List.of("testproduct");
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public Set<String> reservedWords() {
        return Set.of("refused_by_test_product");
    }

    @Override
    protected String textType() {
        return "TEXT";
    }

    @Override
    protected String timestampType() {
        return "TIMESTAMP";
    }

    @Override
    public MigrationLock lock(Supplier<java.sql.Connection> connector, String historyName, Duration timeout, Log log) {
        return () -> { };
    }

    @Override
    public String offlineScriptHint() {
        return HINT;
    }

    @Override
    public String setSchemaSql(Identifier schema) {
        return "USE SCHEMA " + schema.name();
    }
}
