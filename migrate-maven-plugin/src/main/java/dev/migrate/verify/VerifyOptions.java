package dev.migrate.verify;

import dev.migrate.common.InvalidSettingException;
import java.nio.file.Path;

/**
 * How {@code migrate:verify} runs.
 *
 * @param verifyUrl a database to verify in, used as it is; null to make a scratch database
 * @param expectedHeads how many heads the revisions must have (usually 1)
 * @param allowIrreversible accept every revision with an empty downgrade section, not only those
 *     whose header says {@code irreversible: true}
 * @param strict treat a column that comes back at another position as an error, not a warning
 * @param reportDirectory where the JUnit XML report goes, or null for none
 */
public record VerifyOptions(String verifyUrl, int expectedHeads, boolean allowIrreversible, boolean strict,
        Path reportDirectory) {

    public VerifyOptions {
        verifyUrl = verifyUrl == null || verifyUrl.isBlank() ? null : verifyUrl.strip();
        if (expectedHeads < 1) {
            throw new InvalidSettingException("migrate.verify.heads is " + expectedHeads + ", but a history has at"
                    + " least one head; set it to 1 (the default) or to the number of heads you keep on purpose");
        }
    }

    /** One head, irreversible revisions only when acknowledged, position warnings, no report file. */
    public static VerifyOptions defaults() {
        return new VerifyOptions(null, 1, false, false, null);
    }

    public VerifyOptions withStrict(boolean value) {
        return new VerifyOptions(verifyUrl, expectedHeads, allowIrreversible, value, reportDirectory);
    }

    public VerifyOptions withAllowIrreversible(boolean value) {
        return new VerifyOptions(verifyUrl, expectedHeads, value, strict, reportDirectory);
    }

    public VerifyOptions withExpectedHeads(int value) {
        return new VerifyOptions(verifyUrl, value, allowIrreversible, strict, reportDirectory);
    }

    public VerifyOptions withReportDirectory(Path value) {
        return new VerifyOptions(verifyUrl, expectedHeads, allowIrreversible, strict, value);
    }

    public VerifyOptions withVerifyUrl(String value) {
        return new VerifyOptions(value, expectedHeads, allowIrreversible, strict, reportDirectory);
    }
}
