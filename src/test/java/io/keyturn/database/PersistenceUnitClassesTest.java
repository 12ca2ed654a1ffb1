package io.keyturn.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * persistence.xml lists its classes instead of letting the server scan for them (WildFly cannot scan for the
 * Hibernate bundled in the WAR; see docs/portability.md). This test keeps the list complete: every compiled class
 * annotated as a JPA entity, embeddable, mapped superclass or converter must be listed, and nothing else.
 */
class PersistenceUnitClassesTest {

    private static final List<Class<? extends Annotation>> MAPPED = List.of(Entity.class, Embeddable.class,
            MappedSuperclass.class, Converter.class);

    @Test
    void persistenceXmlListsEveryMappedClass() throws Exception {
        Set<String> listed = listedClasses();
        Set<String> mapped = mappedClasses();
        assertFalse(mapped.isEmpty(), "found the compiled entities");
        assertEquals(mapped, listed, "the <class> elements of META-INF/persistence.xml");
    }

    @Test
    void persistenceXmlExcludesUnlistedClasses() throws IOException {
        assertTrue(persistenceXml().contains("<exclude-unlisted-classes>true</exclude-unlisted-classes>"),
                "the same classes on every server, scanned on none");
    }

    private static String persistenceXml() throws IOException {
        try (InputStream in = PersistenceUnitClassesTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Set<String> listedClasses() throws IOException {
        Set<String> listed = new TreeSet<>();
        Matcher matcher = Pattern.compile("<class>\\s*([\\w.$]+)\\s*</class>").matcher(persistenceXml());
        while (matcher.find()) {
            listed.add(matcher.group(1));
        }
        return listed;
    }

    /** Every class under target/classes (the main code, where KeyturnDatabase was compiled) with a mapping annotation. */
    private static Set<String> mappedClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(KeyturnDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> mapped = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                Class<?> type = Class.forName(name, false, PersistenceUnitClassesTest.class.getClassLoader());
                if (MAPPED.stream().anyMatch(type::isAnnotationPresent)) {
                    mapped.add(name);
                }
            }
        }
        return mapped;
    }
}
