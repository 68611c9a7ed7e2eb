package dev.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.schema.DbObject.Kind;
import org.junit.jupiter.api.Test;

/** The schema users leave unnamed comes from the products registered, not from the model. */
class UnnamedSchemaTest {

    @Test
    void messagesLeaveOutTheSchemaAProductRegistersAsUnnamed() {
        assertThat(new DbObject(Kind.TABLE, "public", null, "orders").display()).isEqualTo("table orders");
        assertThat(new DbObject(Kind.TABLE, "PUBLIC", null, "orders").display()).isEqualTo("table orders");
        assertThat(DbObject.qualify("public", "orders")).isEqualTo("orders");
    }

    @Test
    void messagesNameEveryOtherSchema() {
        assertThat(new DbObject(Kind.TABLE, "app", null, "orders").display()).isEqualTo("table app.orders");
        assertThat(new DbObject(Kind.COLUMN, "app", "orders", "id").parent())
                .isEqualTo(new DbObject(Kind.TABLE, "app", null, "orders"));
        assertThat(DbObject.qualify("publicity", "orders")).isEqualTo("publicity.orders");
        assertThat(DbObject.isDefaultSchema(null)).isFalse();
    }
}
