package io.exactpay.ear;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the EAR holds, as a server administrator would unpack it: the three modules, each
 * third-party library once in lib/, and nothing that the server itself provides.
 */
class EarPackagingIT {

    private static final Path EAR = Path.of(System.getProperty("exactpay.it.ear"));

    @Test
    void deploymentDescriptorListsTheModulesForJakartaEe10() throws IOException {
        try (ZipFile ear = new ZipFile(EAR.toFile())) {
            String xml = new String(ear.getInputStream(ear.getEntry("META-INF/application.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(xml.contains("version=\"10\""), xml);
            assertTrue(xml.contains("<ejb>ejb-module.jar</ejb>"), xml);
            assertTrue(xml.contains("<ejb>jms-module.jar</ejb>"), xml);
            assertTrue(xml.contains("<web-uri>web-module.war</web-uri>"), xml);
            assertTrue(xml.contains("<context-root>/</context-root>"), xml);
            assertTrue(xml.contains("<library-directory>lib</library-directory>"), xml);
        }
    }

    @Test
    void eachLibraryIsPackagedOnceInLib_noneInsideTheModules() throws IOException {
        Map<String, List<String>> byArtifact = new HashMap<>();
        try (ZipFile ear = new ZipFile(EAR.toFile())) {
            for (ZipEntry entry : ear.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".jar") || name.endsWith(".war")) {
                    String file = name.substring(name.lastIndexOf('/') + 1);
                    byArtifact.computeIfAbsent(withoutVersion(file), k -> new ArrayList<>()).add(name);
                    assertTrue(name.startsWith("lib/") || List.of("ejb-module.jar", "jms-module.jar", "web-module.war")
                            .contains(name), "unexpected archive " + name);
                }
                if (name.startsWith("lib/")) continue;
                if (name.endsWith(".jar") || name.endsWith(".war")) {
                    assertEquals(List.of(), nestedArchives(ear, entry), "libraries inside module " + name);
                }
            }
        }
        byArtifact.forEach((artifact, places) -> assertEquals(1, places.size(), artifact + " packaged at " + places));
        assertTrue(byArtifact.containsKey("flyway-core"), "the application's libraries are in lib/: " + byArtifact);
    }

    @Test
    void noJakartaApiIsPackaged() throws IOException {
        try (ZipFile ear = new ZipFile(EAR.toFile())) {
            for (ZipEntry entry : ear.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                assertFalse(entry.getName().contains("jakarta"), "a Jakarta jar in the EAR: " + entry.getName());
                try (ZipInputStream jar = new ZipInputStream(ear.getInputStream(entry))) {
                    for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                        assertFalse(e.getName().startsWith("jakarta/"), entry.getName() + " holds " + e.getName());
                    }
                }
            }
        }
    }

    private static List<String> nestedArchives(ZipFile ear, ZipEntry module) throws IOException {
        List<String> nested = new ArrayList<>();
        try (InputStream in = ear.getInputStream(module); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".jar")) nested.add(e.getName());
            }
        }
        return nested;
    }

    /** "flyway-core-11.14.1.jar" -> "flyway-core": the same library in two versions is still twice. */
    private static String withoutVersion(String file) {
        return file.replaceFirst("\\.(jar|war)$", "").replaceFirst("-\\d[^-]*(-SNAPSHOT)?$", "");
    }
}
