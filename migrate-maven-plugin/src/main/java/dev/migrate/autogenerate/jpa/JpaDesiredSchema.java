package dev.migrate.autogenerate.jpa;

import dev.migrate.common.Log;
import dev.migrate.database.Database;
import dev.migrate.database.DatabaseUnavailableException;
import dev.migrate.database.DatabaseTarget;
import dev.migrate.scratch.ScratchDatabase;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the project's JPA entities into a desired schema: the project's own Hibernate writes the
 * DDL for the target database's product and version into a folder of SQL, which autogenerate and
 * check then build and compare like any SQL desired schema. The script stays for the user to read.
 */
public final class JpaDesiredSchema {

    private JpaDesiredSchema() {
    }

    /**
     * Writes the entities' DDL into {@code folder} (its earlier {@code *.sql} files are replaced)
     * and returns the folder; {@code target} is the project's database, only its product is used (read
     * from a scratch database made beside it).
     */
    public static Path write(JpaSource source, DatabaseTarget target, Path folder, Log log) {
        requireClasses(source);
        try (ProjectOrm orm = ProjectOrm.open(source.classpath())) {
            Map<String, String> settings = new LinkedHashMap<>();
            if (SpringBootSettings.applies(orm.loader())) {
                settings.putAll(SpringBootSettings.read(orm.loader(), source.resources()));
            }
            settings.putAll(source.properties());
            // the entities' unqualified tables are built in the configured schema, the current one of the
            // scratch database as of the application's connection, so they name what they reference as the
            // revisions do (no hibernate.default_schema: qualified names would differ from the revisions')
            Path persistenceXml = source.classes().resolve("META-INF/persistence.xml");
            // every refusal (no ORM, no entity, a broken persistence.xml) comes before a database is touched
            if (source.packages().isEmpty() && Files.isRegularFile(persistenceXml)) {
                List<String> units = PersistenceXml.unitNames(persistenceXml);
                HibernateScript.Product product = product(target);
                clear(folder);
                log.info("Reading the persistence unit(s) " + String.join(", ", units) + " of " + persistenceXml
                        + " with Hibernate ORM " + orm.version() + " for " + product.name() + " " + product.major());
                for (int i = 0; i < units.size(); i++) {
                    String file = String.format("%02d_%s.sql", i + 1, units.get(i).replaceAll("[^A-Za-z0-9_-]", "_"));
                    HibernateScript.forUnit(orm, units.get(i), settings, product, folder.resolve(file));
                }
            } else {
                List<String> entities = EntityScanner.scan(source.classes(), source.packages(), orm.loader());
                if (entities.isEmpty()) {
                    throw new JpaModelException("no @Entity, @Embeddable or @MappedSuperclass class in " + source
                            .classes() + (source.packages().isEmpty() ? "" : " in the package(s) " + String.join(", ",
                                    source.packages())) + ": name the packages that hold the entities"
                            + " (-Dmigrate.desired=jpa:com.acme.model), or run 'mvn compile' first", null);
                }
                HibernateScript.Product product = product(target);
                clear(folder);
                log.info("Reading " + entities.size() + " entity class(es) with Hibernate ORM " + orm.version() + " for "
                        + product.name() + " " + product.major());
                HibernateScript.forClasses(orm, url(source.classes()), entities, settings, product,
                        folder.resolve("entities.sql"));
            }
            log.info("The entities' DDL, as Hibernate writes it, is in " + folder);
            return folder;
        }
    }

    private static void requireClasses(JpaSource source) {
        boolean hasClasses;
        try (Stream<Path> files = Files.isDirectory(source.classes()) ? Files.walk(source.classes()) : Stream.empty()) {
            hasClasses = files.anyMatch(f -> f.getFileName().toString().endsWith(".class"));
        } catch (IOException e) {
            hasClasses = false;
        }
        if (!hasClasses) {
            throw new JpaModelException("there are no compiled classes in " + source.classes() + " to read the entities"
                    + " from: compile first ('mvn compile migrate:revision -Dmigrate.autogenerate=true"
                    + " -Dmigrate.desired=jpa'), and bind migrate:check after the process-classes phase", null);
        }
    }

    /** The target database's product and version, as Hibernate would read them from a connection. */
    private static HibernateScript.Product product(DatabaseTarget target) {
        try (ScratchDatabase scratch = ScratchDatabase.open(target, null);
                Database database = scratch.connect()) {
            DatabaseMetaData meta = database.connection().getMetaData();
            return new HibernateScript.Product(meta.getDatabaseProductName(), meta.getDatabaseMajorVersion(),
                    meta.getDatabaseMinorVersion());
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot read which database product the entities are for: "
                    + e.getMessage(), e);
        }
    }

    private static void clear(Path folder) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new JpaModelException("cannot write the entities' DDL into " + folder + " (" + e.getMessage() + ")",
                    e);
        }
    }

    private static java.net.URL url(Path classes) {
        try {
            return classes.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new JpaModelException("cannot use " + classes + ": " + e.getMessage(), e);
        }
    }
}
