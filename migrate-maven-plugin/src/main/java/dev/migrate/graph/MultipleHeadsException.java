package dev.migrate.graph;

import dev.migrate.common.MigrateException;
import java.util.List;

/** One head was needed but the graph has several; the message names each and the ways out. */
public final class MultipleHeadsException extends MigrateException {

    private final List<String> heads;

    public MultipleHeadsException(List<String> heads, String message) {
        super(message);
        this.heads = List.copyOf(heads);
    }

    public List<String> heads() {
        return heads;
    }
}
