package dev.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.schema.DbObject;
import dev.migrate.schema.DbObject.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Key column lists and foreign key references as the snapshot readers write them. */
class KeyColumnsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        PRIMARY KEY (a, b)                                                      | a,b
        UNIQUE INDEX (name(10) DESC, `order`) USING HASH                        | name,order
        CREATE UNIQUE INDEX ux ON public.t USING btree (code) INCLUDE (n)       | code
        CREATE UNIQUE INDEX ux ON app.t USING btree ("Code" DESC NULLS LAST, b) WHERE (b > 0) | Code,b
        """)
    void readsTheColumnsOfTheFirstList(String definition, String columns) {
        assertThat(String.join(",", KeyColumns.of(definition))).isEqualTo(columns);
    }

    private static final DbObject P = new DbObject(Kind.TABLE, "app", null, "p");
    private static final DbObject FK = new DbObject(Kind.CONSTRAINT, "app", "table app.c", "fk");

    @Test
    void keyServesAForeignKeyOnItsColumnsInAnyOrderOrAsTheirPrefix() {
        String foreign = "FOREIGN KEY (x, y) REFERENCES app.p(a, b) ON DELETE CASCADE";
        assertThat(KeyColumns.serves("UNIQUE (b, a)", P, foreign, FK)).isTrue();
        assertThat(KeyColumns.serves("UNIQUE INDEX (a, b, c)", P, foreign, FK)).isTrue();
        assertThat(KeyColumns.serves("UNIQUE (a)", P, foreign, FK)).isFalse();
        assertThat(KeyColumns.serves("UNIQUE (c, a, b)", P, foreign, FK)).isFalse();
    }

    @Test
    void foreignKeyReferencesTheTableByItsOwnOrItsQualifiedName() {
        assertThat(KeyColumns.references("FOREIGN KEY (x) REFERENCES p (a)", FK, P)).isTrue();
        assertThat(KeyColumns.references("FOREIGN KEY (x) REFERENCES \"app\".\"p\"(a)",
                new DbObject(Kind.CONSTRAINT, "public", "table c", "fk"), P)).isTrue();
        assertThat(KeyColumns.references("FOREIGN KEY (x) REFERENCES p (a)",
                new DbObject(Kind.CONSTRAINT, "public", "table c", "fk"), P)).isFalse();
        assertThat(KeyColumns.references("FOREIGN KEY (x) REFERENCES pp (a)", FK, P)).isFalse();
    }
}
