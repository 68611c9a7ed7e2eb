package dev.migrate.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A snapshot's sequence definition ("AS integer START 1 INCREMENT 1 ...") as standard sequence options. */
public final class SequenceOptions {

    private static final Pattern SEQUENCE = Pattern.compile("AS (.+?) START (-?\\d+) INCREMENT (-?\\d+) MINVALUE (-?\\d+)"
            + " MAXVALUE (-?\\d+)(?: CACHE (\\d+))?( NO CYCLE| CYCLE)?(?: CACHE (\\d+))?");

    private SequenceOptions() {
    }

    /** The reader's "AS integer START 1 INCREMENT 1 ..." as CREATE SEQUENCE options. */
    public static String of(String definition) {
        Matcher m = SEQUENCE.matcher(definition.strip());
        if (!m.matches()) {
            return " " + definition;
        }
        String cache = m.group(6) != null ? m.group(6) : m.group(8);
        return " AS " + m.group(1) + " START WITH " + m.group(2) + " INCREMENT BY " + m.group(3) + " MINVALUE "
                + m.group(4) + " MAXVALUE " + m.group(5) + (cache == null ? "" : " CACHE " + cache)
                + (" CYCLE".equals(m.group(7)) ? " CYCLE" : " NO CYCLE");
    }
}
