package io.kaleyracta.wildfly;

import java.io.File;
import java.util.Arrays;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.jboss.shrinkwrap.resolver.api.maven.ScopeType;
import org.jboss.shrinkwrap.resolver.api.maven.coordinate.MavenDependencies;
import org.jboss.shrinkwrap.resolver.api.maven.coordinate.MavenDependency;
import org.jboss.shrinkwrap.resolver.api.maven.coordinate.MavenDependencyExclusion;

/**
 * Builds the test WAR on the client side: the Camunda engine and its libraries (resolved from this
 * module's pom, already in the local Maven repository), the engine bootstrap and an empty
 * {@code beans.xml}.
 */
final class TestWar {

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    /**
     * WildFly gives a deployment only the JDK modules it names: the sandbox needs the JDK's HTTP server.
     * Apache HttpClient is hidden from deployments too: the connector needs it (module
     * {@code org.apache.httpcomponents.core}) to give RESTEasy an engine that never logs the api-key
     * header; without it the connector falls back to the server's standard engine (KCTA-014).
     */
    private static final String MANIFEST = """
            Manifest-Version: 1.0
            Dependencies: jdk.httpserver, org.apache.httpcomponents.core
            """;

    private TestWar() {
    }

    /**
     * The test WAR with the connector as a plain library in WEB-INF/lib: its own jar only (its
     * META-INF/beans.xml makes {@code @Named("kaleyraWhatsAppCta")} discoverable), none of the
     * implementations it lists for plain Java hosts, as the server provides them; and the sandbox.
     */
    static WebArchive withConnector(String name) {
        return create(name)
                .addAsLibrary(builtJar("kaleyra.connector.jar"))
                .addAsLibrary(builtJar("kaleyra.sandbox.jar"))
                .addClass(LocalKaleyra.class);
    }

    static WebArchive create(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(EmbeddedProcessEngine.class, CdiNamedBeans.class)
                .addAsLibraries(libraries("org.camunda.bpm:camunda-engine", "org.assertj:assertj-core"))
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .setManifest(new StringAsset(MANIFEST));
    }

    /** A jar of this build, handed over by failsafe (see pom.xml). */
    private static File builtJar(String property) {
        String path = System.getProperty(property);
        if (path == null || !path.endsWith(".jar") || !new File(path).isFile()) {
            throw new IllegalStateException(property + " is " + path + "; run the tests through Maven's verify"
                    + " phase, which packages the jar first");
        }
        return new File(path);
    }

    /**
     * The given artifacts with their dependencies (versions from this pom), less two: spring-beans,
     * which camunda-engine only uses to read camunda.cfg.xml and whose commons-logging clashes with the
     * server's; and slf4j-api, which the server provides (a second copy in the WAR would find no
     * provider and silence the engine's logs). The resolver does not apply the pom's
     * {@code <exclusions>} to coordinates resolved by name, hence exclusions here.
     */
    static File[] libraries(String... coordinates) {
        MavenDependencyExclusion[] exclusions = {
            MavenDependencies.createExclusion("org.springframework:spring-beans"),
            MavenDependencies.createExclusion("org.slf4j:slf4j-api"),
        };
        MavenDependency[] dependencies = Arrays.stream(coordinates)
                .map(coordinate -> MavenDependencies.createDependency(coordinate, ScopeType.COMPILE, false, exclusions))
                .toArray(MavenDependency[]::new);
        return Maven.configureResolver().workOffline()
                .loadPomFromFile("pom.xml")
                .addDependencies(dependencies)
                .resolve()
                .withTransitivity()
                .asFile();
    }
}
