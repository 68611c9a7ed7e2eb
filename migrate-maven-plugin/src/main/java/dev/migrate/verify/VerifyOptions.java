package dev.migrate.verify;

import dev.migrate.common.InvalidSettingException;
import dev.migrate.database.LockMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How {@code migrate:verify} runs.
 *
 * @param verifyUrl a database to verify in, used as it is; null to make a scratch database
 * @param expectedHeads how many heads the revisions must have (usually 1)
 * @param allowIrreversible accept every revision with an empty downgrade section, not only those
 *     whose header says {@code irreversible: true}
 * @param strict treat a column that comes back at another position, or a value a downgrade changed,
 *     as an error, not a warning
 * @param reportDirectory where the JUnit XML report goes, or null for none
 * @param rows how many generated rows each table holds before each upgrade; 0 for none
 * @param failOnLock the lock level from which a measured lock on an existing table is an error, not a
 *     warning; null to only warn
 * @param locks measure the locks each upgrade statement takes (where the database can tell)
 * @param mergeOrder apply the branches of each merge in both orders and compare the schemas
 */
public record VerifyOptions(String verifyUrl, int expectedHeads, boolean allowIrreversible, boolean strict,
        Path reportDirectory, int rows, LockMode failOnLock, boolean locks, boolean mergeOrder) {

    /** Tables hold this many generated rows unless migrate.verify.rows says otherwise. */
    public static final int DEFAULT_ROWS = 3;

    public VerifyOptions {
        verifyUrl = verifyUrl == null || verifyUrl.isBlank() ? null : verifyUrl.strip();
        if (expectedHeads < 1) {
            throw new InvalidSettingException("migrate.verify.heads is " + expectedHeads + ", but a history has at"
                    + " least one head; set it to 1 (the default) or to the number of heads you keep on purpose");
        }
        if (rows < 0 || rows > 1000) {
            throw new InvalidSettingException("migrate.verify.rows is " + rows + "; set it to how many generated rows"
                    + " each table holds during verify, from 0 (none) to 1000 (default " + DEFAULT_ROWS + ")");
        }
    }

    public VerifyOptions(String verifyUrl, int expectedHeads, boolean allowIrreversible, boolean strict,
            Path reportDirectory) {
        this(verifyUrl, expectedHeads, allowIrreversible, strict, reportDirectory, DEFAULT_ROWS, null, true, true);
    }

    /** One head, irreversible revisions only when acknowledged, position warnings, no report file, 3 rows. */
    public static VerifyOptions defaults() {
        return new VerifyOptions(null, 1, false, false, null);
    }

    /**
     * The lock level a user names in migrate.verify.failOnLock ({@code ACCESS_EXCLUSIVE}, {@code SHARE}, ...);
     * null for an empty value.
     */
    public static LockMode lockLevel(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return LockMode.parse(text).orElseThrow(() -> new InvalidSettingException("migrate.verify.failOnLock is '"
                + text.strip() + "', which is no lock level; use one of " + Arrays.stream(LockMode.values())
                .filter(LockMode::blocksWrites).map(Enum::name).collect(Collectors.joining(", "))));
    }

    public VerifyOptions withStrict(boolean value) {
        return new VerifyOptions(verifyUrl, expectedHeads, allowIrreversible, value, reportDirectory, rows, failOnLock, locks, mergeOrder);
    }

    public VerifyOptions withAllowIrreversible(boolean value) {
        return new VerifyOptions(verifyUrl, expectedHeads, value, strict, reportDirectory, rows, failOnLock, locks, mergeOrder);
    }

    public VerifyOptions withExpectedHeads(int value) {
        return new VerifyOptions(verifyUrl, value, allowIrreversible, strict, reportDirectory, rows, failOnLock, locks, mergeOrder);
    }

    public VerifyOptions withReportDirectory(Path value) {
        return new VerifyOptions(verifyUrl, expectedHeads, allowIrreversible, strict, value, rows, failOnLock, locks, mergeOrder);
    }

    public VerifyOptions withVerifyUrl(String value) {
        return new VerifyOptions(value, expectedHeads, allowIrreversible, strict, reportDirectory, rows, failOnLock, locks, mergeOrder);
    }

    public VerifyOptions withRows(int value) {
        return new VerifyOptions(verifyUrl, expectedHeads, allowIrreversible, strict, reportDirectory, value, failOnLock, locks, mergeOrder);
    }

    public VerifyOptions withFailOnLock(LockMode value) {
        return new VerifyOptions(verifyUrl, expectedHeads, allowIrreversible, strict, reportDirectory, rows, value, locks, mergeOrder);
    }

    public VerifyOptions withLocks(boolean value) {
        return new VerifyOptions(verifyUrl, expectedHeads, allowIrreversible, strict, reportDirectory, rows, failOnLock,
                value, mergeOrder);
    }

    public VerifyOptions withMergeOrder(boolean value) {
        return new VerifyOptions(verifyUrl, expectedHeads, allowIrreversible, strict, reportDirectory, rows, failOnLock,
                locks, value);
    }
}
