package io.kaleyracta.connector.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads the packaged jar of this build (Camunda 7, Operaton or CIB seven) and checks that its classes reference
 * their own engine only: every name in every class's constant pool (types, descriptors, string constants) and
 * every text resource is searched for the other engines' packages. A connector jar that still named
 * {@code org.camunda.bpm} would fail on Operaton with a NoClassDefFoundError only when a process first runs it.
 *
 * <p>Runs after {@code package} (failsafe); the build passes {@code engine.vendor} and {@code engine.jar}.
 */
class OwnEnginePackagesIT {

  /** The engines' package owners, spelled without "org." so the build's package rename leaves this list alone. */
  private static final Set<String> VENDORS = Set.of("camunda", "operaton", "cibseven");
  private static final String DELEGATE = "io/kaleyracta/connector/engine/SendWhatsAppCtaDelegate.class";

  private String own;
  private Path jar;

  @BeforeEach
  void readBuild() {
    own = System.getProperty("engine.vendor");
    jar = Path.of(System.getProperty("engine.jar"));
    assertThat(VENDORS).contains(own);
    assertThat(jar).exists();
  }

  @Test
  void classesAndResourcesNameNoOtherEngine() throws IOException {
    Set<String> foreign = new TreeSet<>();
    int classes = 0;
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        if (entry.isDirectory() || entry.getName().startsWith("META-INF/maven/")) {
          continue;
        }
        List<String> names;
        try (InputStream in = file.getInputStream(entry)) {
          if (entry.getName().endsWith(".class")) {
            names = constantPoolStrings(in);
            classes++;
          } else {
            names = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
        for (String name : names) {
          otherEngineIn(name).forEach(vendor -> foreign.add(entry.getName() + " names org." + vendor));
        }
      }
    }
    assertThat(classes).as("classes in %s", jar).isGreaterThan(20);
    assertThat(foreign).as("references to another engine in %s", jar).isEmpty();
  }

  @Test
  void theDelegateHasTheTemplatesClassNameAndImplementsThisEnginesJavaDelegate() throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry delegate = file.getJarEntry(DELEGATE);
      assertThat(delegate).as("%s in %s", DELEGATE, jar).isNotNull();
      try (InputStream in = file.getInputStream(delegate)) {
        assertThat(constantPoolStrings(in)).contains("org/" + own + "/bpm/engine/delegate/JavaDelegate");
      }
    }
  }

  private Set<String> otherEngineIn(String text) {
    Set<String> found = new TreeSet<>();
    for (String vendor : VENDORS) {
      if (!vendor.equals(own) && (text.contains("org/" + vendor + "/") || text.contains("org." + vendor + "."))) {
        found.add(vendor);
      }
    }
    return found;
  }

  /** The UTF-8 entries of a class file's constant pool (JVMS 4.4): every class, member, descriptor and string. */
  static List<String> constantPoolStrings(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    List<String> strings = new ArrayList<>();
    for (int index = 1; index < count; index++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> strings.add(in.readUTF());
        case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
        case 15 -> in.skipNBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          index++; // a long or double takes two slots
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return strings;
  }
}
