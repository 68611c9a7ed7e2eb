package dev.migrate.testing;

import dev.migrate.database.Dialect;
import dev.migrate.database.Dialects;

/** The registered products tests use, looked up as the plugin looks them up: by URL. */
public final class Products {

    public static final Dialect POSTGRES = Dialects.forUrl("jdbc:postgresql:");
    public static final Dialect H2 = Dialects.forUrl("jdbc:h2:");
    public static final Dialect MYSQL = Dialects.forUrl("jdbc:mariadb:");

    private Products() {
    }
}
