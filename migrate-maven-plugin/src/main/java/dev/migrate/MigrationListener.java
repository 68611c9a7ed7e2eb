package dev.migrate;

import dev.migrate.run.RunListener;

/**
 * Progress of a goal, as the core reports it. The Maven layer turns the events into log lines;
 * tests record them.
 */
public interface MigrationListener extends RunListener {

    /** Nothing is reported. */
    MigrationListener SILENT = new MigrationListener() {
    };
}
