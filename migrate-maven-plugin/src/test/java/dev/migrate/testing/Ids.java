package dev.migrate.testing;

/** Revision ids the tests share: consecutive days of January 2026, in order. */
public final class Ids {

    public static final String R1 = "20260101000000";
    public static final String R2 = "20260102000000";
    public static final String R3 = "20260103000000";
    public static final String R4 = "20260104000000";
    public static final String R5 = "20260105000000";

    private Ids() {
    }
}
