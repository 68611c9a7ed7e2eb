package dev.migrate.verify;

import dev.migrate.common.Severity;

/** Where the checks that run beside the stairway put what they find, in the verifier's order. */
@FunctionalInterface
interface FindingSink {

    void add(Severity severity, Phase phase, String revisionId, String message);
}
