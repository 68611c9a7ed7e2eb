package dev.migrate.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true | jdbc:postgresql://db:5432/app?user=app&password=****&ssl=true",
        "jdbc:h2:file:/tmp/db;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL    | jdbc:h2:file:/tmp/db;USER=sa;PASSWORD=****;MODE=PostgreSQL",
        "jdbc:postgresql://app:s3cret@db:5432/app                          | jdbc:postgresql://app:****@db:5432/app",
        "jdbc:mysql://db/app?pwd=s3cret                                    | jdbc:mysql://db/app?pwd=****",
        "jdbc:postgresql://db:5432/app?user=app                            | jdbc:postgresql://db:5432/app?user=app"})
    void masksPasswordsInJdbcUrls(String url, String expected) {
        assertThat(Redaction.redactUrl(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "FATAL: password authentication failed for user app (hunter2) | FATAL: password authentication failed for user app (****)",
        "cannot connect to jdbc:x://h/d?password=hunter2 (check migrate.url) | cannot connect to jdbc:x://h/d?password=**** (check migrate.url)"})
    void masksTheKnownSecretAndPasswordParametersInMessagesButKeepsTheRest(String message, String expected) {
        assertThat(Redaction.redact(message, "hunter2")).isEqualTo(expected);
    }

    @Test
    void maskingAMessageTwiceLeavesItAsMaskedOnceSoItIsNotPrintedTwice() {
        String once = "cannot connect to " + Redaction.redactUrl("jdbc:postgresql://h/x?user=a&password=secret")
                + ": Connection refused (check migrate.url)";

        assertThat(once).isEqualTo("cannot connect to jdbc:postgresql://h/x?user=a&password=****: Connection refused"
                + " (check migrate.url)");
        assertThat(Redaction.redact(once, null)).isEqualTo(once);
        assertThat(Redaction.redact(Redaction.redact(once, "secret"), "secret")).isEqualTo(once);
    }
}
