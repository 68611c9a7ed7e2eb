package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogenerate.SquashDifference.Kind;
import dev.migrate.schema.DbObject;
import dev.migrate.schema.SnapshotDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the squash's proof tells: the kind the squasher acts on and the words the user reads, as they always were. */
class SquashDifferenceTest {

    private static final DbObject ROWS_TABLE = new DbObject(DbObject.Kind.TABLE, null, null, "the rows of audit");

    @Test
    void tellsRowsThatDifferOrCannotBeReadAsRows() {
        assertThat(SquashDifference.rows("networks", List.of("(1, a)"), List.of("(1, b)"))).isEqualTo(
                new SquashDifference(Kind.ROWS, "after the squash's upgrade, the rows of networks differ from the"
                        + " chain's: expected [(1, a)], found [(1, b)]"));
        assertThat(SquashDifference.rowsUnreadable("networks")).isEqualTo(new SquashDifference(Kind.ROWS,
                "after the squash's upgrade, the rows of networks cannot be read (the chain has the table)"));
    }

    @Test
    void tellsAnObjectNamedAfterRowsAsASchemaDifference() {
        SquashDifference difference = SquashDifference.schema(new SnapshotDiff.Difference(ROWS_TABLE,
                "TABLE (id  INT)", null, false));

        assertThat(difference).isEqualTo(new SquashDifference(Kind.SCHEMA, "after the squash's upgrade, table the rows"
                + " of audit differs from the chain's: expected TABLE (id INT), found null"));
    }

    @Test
    void tellsTheDowngradeAndTheUpgradeApart() {
        assertThat(SquashDifference.upgradeFails("INSERT INTO a VALUES (1): ERROR")).isEqualTo(new SquashDifference(
                Kind.UPGRADE_FAILS, "the squash's upgrade fails: INSERT INTO a VALUES (1): ERROR"));
        assertThat(SquashDifference.downgradeFails("DROP TABLE a: ERROR")).isEqualTo(new SquashDifference(
                Kind.DOWNGRADE, "the squash's downgrade fails: DROP TABLE a: ERROR"));
        assertThat(SquashDifference.downgradeLeaves(new SnapshotDiff.Difference(ROWS_TABLE, null, "TABLE", false)))
                .isEqualTo(new SquashDifference(Kind.DOWNGRADE, "after the squash's downgrade, table the rows of audit"
                        + " differs from the schema at the range's start"));
    }
}
