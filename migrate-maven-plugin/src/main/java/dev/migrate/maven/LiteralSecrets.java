package dev.migrate.maven;

import dev.migrate.common.Redaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Notices a password that reached the plugin's configuration as a literal. The password and URL
 * parameters are handed over unevaluated, so an expression the plugin resolves itself (the
 * default {@code ${migrate.password}}) never shows in {@code mvn -X}; but Maven resolves
 * {@code ${...}} in the POM's {@code <configuration>} from POM properties, {@code -D} properties and
 * {@code ${env.X}} before the plugin runs, and its debug output prints the resolved configuration.
 */
final class LiteralSecrets {

    static final String SAFE_WAYS = "pass it one of three ways -X does not print: -Dmigrate.password=... on the"
            + " command line or a migrate.password property, with no <password> in the plugin's configuration;"
            + " <serverId> naming a <server> of settings.xml (its password may be encrypted with"
            + " mvn --encrypt-password); or an environment variable read by that <server>"
            + " (<password>${env.DB_PASSWORD}</password> in settings.xml)";

    private LiteralSecrets() {
    }

    /**
     * Warnings for the raw (unevaluated) {@code password} and {@code url} parameters: one for each
     * that holds a password as a literal.
     */
    static List<String> warnings(String rawPassword, String rawUrl) {
        List<String> warnings = new ArrayList<>();
        if (isLiteral(rawPassword)) {
            warnings.add("the password is written into the plugin's <configuration> in the POM, or as an expression"
                    + " Maven resolved before the plugin ran (such as ${db.password} from <properties>, ${x} with"
                    + " -Dx=..., or ${env.DB_PASSWORD}), so mvn -X prints it twice (the mojo's configuration and its"
                    + " '(f) password' line), before the plugin runs and beyond its reach; " + SAFE_WAYS);
        }
        if (isLiteral(rawUrl) && !Redaction.redactUrl(rawUrl).equals(rawUrl)) {
            warnings.add("the URL in the plugin's <configuration> holds a password, so mvn -X prints it although"
                    + " the plugin masks it in its own messages; leave the password out of the URL and " + SAFE_WAYS);
        }
        return warnings;
    }

    /** A value with no expression left in it was resolved (or written) before the plugin saw it. */
    private static boolean isLiteral(String raw) {
        return raw != null && !raw.isBlank() && !raw.contains("${");
    }
}
