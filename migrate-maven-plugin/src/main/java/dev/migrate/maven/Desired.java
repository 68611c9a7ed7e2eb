package dev.migrate.maven;

import java.io.File;

/** Where the desired schema is: the given URL or path (relative to the project), or src/main/schema. */
final class Desired {

    private Desired() {
    }

    static String resolve(String given, File basedir) {
        if (given == null || given.isBlank()) {
            return new File(basedir, "src/main/schema").getAbsolutePath();
        }
        if (given.startsWith("jdbc:")) {
            return given;
        }
        File file = new File(given);
        return (file.isAbsolute() ? file : new File(basedir, given)).getAbsolutePath();
    }
}
