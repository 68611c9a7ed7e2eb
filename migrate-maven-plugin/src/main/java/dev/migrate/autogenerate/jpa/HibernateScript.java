package dev.migrate.autogenerate.jpa;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Has the project's Hibernate write its own DDL for the entities, as a script and never to a
 * database, through JPA's standard {@code PersistenceProvider.generateSchema}: the same call in
 * Hibernate 6 and 7, made by reflection so that the plugin compiles against no Hibernate at all.
 * A persistence unit is either described here (the scanned classes) or named in the project's
 * {@code META-INF/persistence.xml}.
 */
final class HibernateScript {

    /** Settings that make Hibernate write a script and leave every database alone. */
    private static final Map<String, String> SCRIPT_ONLY = Map.of(
            "jakarta.persistence.schema-generation.scripts.action", "create",
            "jakarta.persistence.schema-generation.database.action", "none",
            "jakarta.persistence.schema-generation.create-source", "metadata",
            "hibernate.hbm2ddl.auto", "none",
            "hibernate.hbm2ddl.delimiter", ";",
            "hibernate.format_sql", "false",
            "hibernate.hbm2ddl.skip_default_import_file", "true",
            "hibernate.hbm2ddl.schema-generation.script.append", "false",
            // the dialect comes from the product name and version below, not from a connection
            "hibernate.boot.allow_jdbc_metadata_access", "false",
            "hibernate.temp.use_jdbc_metadata_defaults", "false");

    /** Settings of the application that would load data or reach a database during generation. */
    private static final List<String> DROPPED = List.of("jakarta.persistence.sql-load-script-source",
            "javax.persistence.sql-load-script-source", "hibernate.hbm2ddl.import_files",
            "jakarta.persistence.schema-generation.scripts.create-source",
            "javax.persistence.schema-generation.database.action", "javax.persistence.schema-generation.scripts.action",
            "jakarta.persistence.schema-generation.create-script-source");

    private HibernateScript() {
    }

    /** The product the script is written for, as its JDBC driver names it. */
    record Product(String name, int major, int minor) {
    }

    /** Writes the DDL of {@code managedClasses} (one unit of the project's own) into {@code script}. */
    static void forClasses(ProjectOrm orm, URL root, List<String> managedClasses, Map<String, String> settings,
            Product product, Path script) {
        ClassLoader loader = orm.loader();
        run(loader, () -> {
            Class<?> providerType = Class.forName(ProjectOrm.PROVIDER, true, loader);
            Object provider = providerType.getConstructor().newInstance();
            Class<?> unitType = Class.forName("jakarta.persistence.spi.PersistenceUnitInfo", true, loader);
            Object unit = Proxy.newProxyInstance(loader, new Class<?>[] {unitType},
                    new Unit(loader, root, managedClasses, providerType.getName()));
            providerType.getMethod("generateSchema", unitType, Map.class).invoke(provider, unit,
                    map(settings, product, script));
            return null;
        });
    }

    /** Writes the DDL of the persistence unit {@code unitName} of the project's persistence.xml. */
    static void forUnit(ProjectOrm orm, String unitName, Map<String, String> settings, Product product, Path script) {
        ClassLoader loader = orm.loader();
        boolean found = run(loader, () -> {
            Class<?> providerType = Class.forName(ProjectOrm.PROVIDER, true, loader);
            Object provider = providerType.getConstructor().newInstance();
            return (Boolean) providerType.getMethod("generateSchema", String.class, Map.class).invoke(provider, unitName,
                    map(settings, product, script));
        });
        if (!found) {
            throw new JpaModelException("Hibernate does not handle the persistence unit '" + unitName + "' of"
                    + " META-INF/persistence.xml (its <provider> names another ORM?); name the entities' packages"
                    + " instead: -Dmigrate.desired=jpa:<package>,<package>", null);
        }
    }

    private static Map<String, Object> map(Map<String, String> settings, Product product, Path script) {
        Map<String, Object> map = new LinkedHashMap<>(settings);
        DROPPED.forEach(map::remove);
        map.putAll(SCRIPT_ONLY);
        map.put("jakarta.persistence.schema-generation.scripts.create-target", script.toAbsolutePath().toString());
        if (!settings.containsKey("hibernate.dialect")) {
            map.put("jakarta.persistence.database-product-name", product.name());
            map.put("jakarta.persistence.database-major-version", String.valueOf(product.major()));
            map.put("jakarta.persistence.database-minor-version", String.valueOf(product.minor()));
        }
        return map;
    }

    private interface Call<T> {
        T call() throws ReflectiveOperationException;
    }

    /**
     * Runs {@code call} with the project's loader as the thread's context loader (Hibernate finds its
     * services and the persistence.xml through it) and Hibernate's logging below SEVERE silenced:
     * its warnings are about the connection it was told not to use.
     */
    private static <T> T run(ClassLoader loader, Call<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        String provider = System.getProperty("org.jboss.logging.provider");
        Logger hibernateLog = Logger.getLogger("org.hibernate");
        Level level = hibernateLog.getLevel();
        thread.setContextClassLoader(loader);
        // JBoss Logging would otherwise pick up an application's Logback or Log4j with its defaults
        System.setProperty("org.jboss.logging.provider", "jdk");
        hibernateLog.setLevel(Level.SEVERE);
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            throw refused(e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new JpaModelException("cannot run the project's Hibernate ORM (" + e + "); check that its runtime"
                    + " dependencies are complete ('mvn dependency:tree')", e);
        } finally {
            thread.setContextClassLoader(previous);
            if (provider == null) {
                System.clearProperty("org.jboss.logging.provider");
            } else {
                System.setProperty("org.jboss.logging.provider", provider);
            }
            hibernateLog.setLevel(level);
        }
    }

    /** Hibernate's own words for why the mapping fails, from the innermost cause that has some. */
    private static JpaModelException refused(Throwable failure) {
        StringBuilder reasons = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && reasons.indexOf(t.getMessage()) < 0) {
                reasons.append(reasons.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        return new JpaModelException("Hibernate cannot build the schema of the entities: " + reasons
                + "; fix the mapping (the application would fail the same way when it starts)", failure);
    }

    /** The persistence unit the plugin describes: the scanned classes, nothing else, no data source. */
    record Unit(ClassLoader loader, URL root, List<String> classes, String provider) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            Class<?> type = method.getReturnType();
            return switch (method.getName()) {
                case "getPersistenceUnitName" -> "migrate";
                case "getPersistenceProviderClassName" -> provider;
                case "getTransactionType" -> constant(type, "RESOURCE_LOCAL");
                case "getSharedCacheMode" -> constant(type, "UNSPECIFIED");
                // as the application runs: Bean Validation's @NotNull and @Size shape the DDL when present
                case "getValidationMode" -> constant(type, "AUTO");
                case "getPersistenceUnitRootUrl" -> root;
                case "getManagedClassNames" -> classes;
                case "excludeUnlistedClasses" -> true;
                case "getMappingFileNames", "getJarFileUrls", "getQualifierAnnotationNames", "getAllManagedClassNames"
                        -> List.of();
                case "getProperties" -> new Properties();
                case "getPersistenceXMLSchemaVersion" -> "3.0";
                case "getClassLoader", "getNewTempClassLoader" -> loader;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "the entities migrate found";
                default -> type == boolean.class ? Boolean.FALSE : null;
            };
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object constant(Class<?> type, String name) {
            return type.isEnum() ? Enum.valueOf((Class<? extends Enum>) type, name) : null;
        }
    }
}
