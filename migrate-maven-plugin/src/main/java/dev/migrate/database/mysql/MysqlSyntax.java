package dev.migrate.database.mysql;

import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.Statement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How the {@code mysql} and {@code mariadb} clients split a script: backtick identifiers,
 * {@code ''} and {@code "..."} strings with backslash escapes and doubled quotes, {@code #} and
 * {@code -- } comments ({@code --} followed by a blank), block comments (not nested),
 * executable comments ({@code /*!NNNNN ...}) read as SQL, and {@code DELIMITER} lines that change the separator; a
 * separator ends a statement even inside parentheses. {@code XA} statements are transaction control too.
 */
public final class MysqlSyntax implements SqlSyntax {

    /** The one instance: the rules have no state. */
    public static final MysqlSyntax INSTANCE = new MysqlSyntax();

    private static final Set<Feature> FEATURES = EnumSet.of(Feature.BACKTICK_IDENTIFIERS, Feature.DOUBLE_QUOTED_STRINGS,
            Feature.BACKSLASH_ESCAPES, Feature.HASH_COMMENTS, Feature.DASH_DASH_NEEDS_SPACE,
            Feature.EXECUTABLE_COMMENTS, Feature.DELIMITER_COMMAND);

    private MysqlSyntax() {
    }

    @Override
    public String name() {
        return "MySQL/MariaDB (mysql client)";
    }

    @Override
    public boolean has(Feature feature) {
        return FEATURES.contains(feature);
    }

    @Override
    public boolean isTransactionControl(Statement statement) {
        String sql = statement.sql().stripLeading().toLowerCase(Locale.ROOT);
        return SqlSyntax.super.isTransactionControl(statement) || sql.startsWith("xa ");
    }
}
