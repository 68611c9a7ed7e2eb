package dev.migrate.maven;

import dev.migrate.MigrateConfig;
import dev.migrate.common.Redaction;
import dev.migrate.fanout.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The databases and schemas a goal names ({@code migrate.schemas}, a {@code <databases>} list),
 * each with its own configuration: the databases a fan-out goal runs on, and the ones
 * {@code migrate:squash} holds a prune against.
 */
final class Members {

    /** Resolves a {@code <database>}'s user and password (settings.xml for a {@code serverId}). */
    interface CredentialSource {
        Credentials resolve(String serverId, String user, String password) throws MojoFailureException,
                MojoExecutionException;
    }

    private Members() {
    }

    /** The members; empty when neither parameter is given, so the goal is about the configured database alone. */
    static List<Member> of(String goal, String schemas, List<Database> databases, MigrateConfig config,
            CredentialSource credentials) throws MojoFailureException, MojoExecutionException {
        List<String> schemaNames = Lists.commaSeparated(schemas);
        List<Member> members = new ArrayList<>();
        if (databases == null || databases.isEmpty()) {
            schemaNames.forEach(schema -> members.add(new Member(schema, config.withSchema(schema))));
        } else {
            for (Database database : databases) {
                MigrateConfig base = config(database, config, !schemaNames.isEmpty(), credentials);
                String name = database.name != null && !database.name.isBlank() ? database.name.strip()
                        : Redaction.redactUrl(base.url()) + (base.schema() == null ? "" : " " + base.schema());
                if (schemaNames.isEmpty()) {
                    members.add(new Member(name, base));
                } else {
                    schemaNames.forEach(schema -> members.add(new Member(name + "/" + schema, base.withSchema(schema))));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (Member member : members) {
            if (!seen.add(member.name())) {
                throw new MojoFailureException("migrate:" + goal + " would run twice on " + member.name()
                        + "; list each schema in migrate.schemas and each <database> once (give two databases"
                        + " different <name>s)");
            }
        }
        return members;
    }

    private static MigrateConfig config(Database database, MigrateConfig config, boolean schemasGiven,
            CredentialSource credentials) throws MojoFailureException, MojoExecutionException {
        if (database.url == null || database.url.isBlank()) {
            throw new MojoFailureException("a <database> in <databases>" + (database.name == null ? ""
                    : " (" + database.name + ")") + " has no <url>; give each one its JDBC URL");
        }
        if (schemasGiven && database.schema != null && !database.schema.isBlank()) {
            throw new MojoFailureException("the <database> " + Redaction.redactUrl(database.url) + " has a <schema>"
                    + " while migrate.schemas is set too; use one: migrate.schemas runs on those schemas of every"
                    + " database, <schema> on one schema of this database");
        }
        Credentials resolved = credentials.resolve(database.serverId, database.user, database.password);
        return new MigrateConfig(database.url.strip(), resolved.user(), resolved.password(),
                database.schema == null || database.schema.isBlank() ? config.schema() : database.schema.strip(),
                config.revisions(), config.historyTable(), config.lockTimeout(), config.placeholders(),
                config.connectTimeout());
    }
}
