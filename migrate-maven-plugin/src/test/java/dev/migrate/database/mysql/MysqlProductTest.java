package dev.migrate.database.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.Dialects;
import org.junit.jupiter.api.Test;

/** Which URLs select the product, what the driver is handed, and which servers it accepts. */
class MysqlProductTest {

    @Test
    void bothUrlSchemesSelectTheProduct() {
        assertThat(Dialects.forUrl("jdbc:mysql://db:3306/app")).isInstanceOf(MysqlDialect.class);
        assertThat(Dialects.forUrl("jdbc:mariadb://db:3306/app")).isInstanceOf(MysqlDialect.class);
        assertThat(Dialects.forUrl("JDBC:MariaDB://db/app")).isInstanceOf(MysqlDialect.class);
        assertThat(Dialects.byName("mariadb")).containsInstanceOf(MysqlDialect.class);
        assertThat(Dialects.forUrl("jdbc:postgresql://db/app")).isNotInstanceOf(MysqlDialect.class);
    }

    @Test
    void mysqlSchemeIsHandedToTheShippedDriverWithItsPermission() {
        assertThat(MysqlUrls.forDriver("jdbc:mysql://db:3306/app")).isEqualTo("jdbc:mysql://db:3306/app?permitMysqlScheme");
        assertThat(MysqlUrls.forDriver("jdbc:mysql://db/app?user=u")).isEqualTo("jdbc:mysql://db/app?user=u&permitMysqlScheme");
        assertThat(MysqlUrls.forDriver("jdbc:mysql://db/app?permitMysqlScheme")).isEqualTo("jdbc:mysql://db/app?permitMysqlScheme");
        assertThat(MysqlUrls.forDriver("jdbc:mariadb://db/app")).isEqualTo("jdbc:mariadb://db/app");
    }

    @Test
    void scratchUrlsReplaceOnlyTheDatabase() {
        assertThat(MysqlUrls.withDatabase("jdbc:mariadb://h:3306/app?user=root", "scratch_1"))
                .isEqualTo("jdbc:mariadb://h:3306/scratch_1?user=root");
        assertThat(MysqlUrls.withDatabase("jdbc:mysql://h1,h2/app", "s")).isEqualTo("jdbc:mysql://h1,h2/s");
        assertThat(MysqlUrls.withDatabase("jdbc:mariadb://h", "s")).isEqualTo("jdbc:mariadb://h/s");
        assertThat(MysqlUrls.withoutDatabase("jdbc:mariadb://h/app?user=root")).isEqualTo("jdbc:mariadb://h/?user=root");
    }

    @Test
    void serverVersionNamesTheProductAndWhatItMayUse() {
        MysqlServer maria = MysqlServer.parse("10.11.19-MariaDB-0+deb12u1");
        assertThat(maria).isEqualTo(new MysqlServer(true, 10, 11));
        assertThat(maria.hasSequences()).isTrue();
        MysqlServer mysql = MysqlServer.parse("8.0.36");
        assertThat(mysql.mariadb()).isFalse();
        assertThat(mysql.hasSequences()).isFalse();
        assertThat(mysql.hasInstantAlter()).isTrue();
        assertThat(MysqlServer.parse("11.4.2-MariaDB").hasSequences()).isTrue();
    }

    @Test
    void refusesServersOlderThanSupportedSayingWhichAreSupported() {
        assertThatThrownBy(() -> MysqlServer.parse("5.7.44").requireSupported("jdbc:mysql://old/app"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("MySQL 5.7").hasMessageContaining("MySQL 8.0 and later");
        assertThatThrownBy(() -> MysqlServer.parse("10.1.48-MariaDB").requireSupported("jdbc:mariadb://old/app"))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("MariaDB 10.3 and later");
        assertThat(MysqlServer.parse("8.4.0").requireSupported("u")).isEqualTo(new MysqlServer(false, 8, 4));
    }
}
