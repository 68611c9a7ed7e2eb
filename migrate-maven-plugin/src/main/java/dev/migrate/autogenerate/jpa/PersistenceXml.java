package dev.migrate.autogenerate.jpa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The names of the persistence units in a project's {@code META-INF/persistence.xml}. */
final class PersistenceXml {

    private PersistenceXml() {
    }

    static List<String> unitNames(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList units = factory.newDocumentBuilder().parse(file.toFile())
                    .getElementsByTagNameNS("*", "persistence-unit");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < units.getLength(); i++) {
                String name = ((Element) units.item(i)).getAttribute("name");
                if (!name.isBlank()) {
                    names.add(name);
                }
            }
            if (names.isEmpty()) {
                throw new JpaModelException(file + " names no persistence unit: give each <persistence-unit> a name,"
                        + " or name the entities' packages (-Dmigrate.desired=jpa:com.acme.model)", null);
            }
            return names;
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new JpaModelException("cannot read " + file + " (" + e.getMessage() + "); fix it, or name the"
                    + " entities' packages (-Dmigrate.desired=jpa:com.acme.model)", e);
        }
    }
}
