import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Hibernate's own schema validator on a database, as an application with hbm2ddl.auto=validate
 * runs it when it starts: every @Entity class under the classes folder, the JDBC URL given.
 * Usage (source launcher, the project's class path): java -cp CP Validate.java CLASSES URL
 */
public class Validate {
    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Path classes = Path.of(args[0]);
        org.hibernate.cfg.Configuration configuration = new org.hibernate.cfg.Configuration();
        configuration.setProperty("hibernate.connection.url", args[1]);
        configuration.setProperty("hibernate.hbm2ddl.auto", "validate");
        for (int i = 2; i + 1 < args.length; i += 2) {
            configuration.setProperty(args[i], args[i + 1]);
        }
        int entities = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, Validate.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                    configuration.addAnnotatedClass(type);
                    entities++;
                }
            }
        }
        try (var factory = configuration.buildSessionFactory()) {
            System.out.println("VALIDATED " + entities + " entities against " + args[1]);
        }
    }
}
