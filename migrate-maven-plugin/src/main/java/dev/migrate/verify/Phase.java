package dev.migrate.verify;

import dev.migrate.common.Finding;

/** The steps of verify; each is one test case of the JUnit report. */
public enum Phase {
    HEADS("heads", "the revisions have the expected number of heads"),
    LINT("lint", "lint finds no dangerous statement"),
    UPGRADE("upgrade", "upgrade runs"),
    DOWNGRADE("downgrade", "downgrade restores the schema"),
    REUPGRADE("re-upgrade", "re-upgrade recreates the schema"),
    BASE("downgrade to base", "downgrade to base empties the schema"),
    HEAD("re-upgrade to head", "re-upgrade to head recreates the schema"),
    MERGE_ORDER("merge order", "merged branches give the same schema in either order");

    private final String label;
    private final String testName;

    Phase(String label, String testName) {
        this.label = label;
        this.testName = testName;
    }

    /** The phase a verify finding belongs to (its source), or null for one verify did not make. */
    public static Phase of(Finding finding) {
        for (Phase phase : values()) {
            if (phase.label.equals(finding.source())) {
                return phase;
            }
        }
        return null;
    }

    public String label() {
        return label;
    }

    /** The check the phase stands for, as a sentence: the JUnit test case's name. */
    public String testName() {
        return testName;
    }
}
