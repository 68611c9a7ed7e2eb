package dev.migrate.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <jpa>} configuration of the revision and check goals: Hibernate settings for reading
 * the entities, e.g. {@code <properties><hibernate.default_schema>app</hibernate.default_schema></properties>}.
 */
public class JpaSettings {

    /** {@code hibernate.*} settings (naming strategies, default schema, ...); {@code -Dmigrate.jpa.<name>} wins. */
    private Map<String, String> properties = new LinkedHashMap<>();

    public Map<String, String> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }
}
