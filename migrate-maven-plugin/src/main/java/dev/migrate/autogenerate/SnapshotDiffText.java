package dev.migrate.autogenerate;

import dev.migrate.schema.SnapshotDiff.Difference;

/** Short sentences for the differences autogenerate and check report. */
final class SnapshotDiffText {

    private SnapshotDiffText() {
    }

    /** "index x on table t is missing after ...", "... is: A, expected: B". */
    static String describe(Difference difference, String when) {
        String object = difference.object().display();
        if (difference.isMissing()) {
            return object + " is missing " + when;
        }
        if (difference.isExtra()) {
            return object + " is left over " + when;
        }
        return object + " differs " + when + ": " + shorten(difference.actual()) + " instead of "
                + shorten(difference.expected());
    }

    static String shorten(String text) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        return collapsed.length() <= 160 ? collapsed : collapsed.substring(0, 157) + "...";
    }
}
