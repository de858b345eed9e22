package io.kaleyracta.wildfly;

import io.kaleyracta.sandbox.KaleyraSandbox;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Kaleyra sandbox, running inside WildFly for as long as the test WAR is deployed, on the port of
 * the {@code kaleyra.base-url} the server was started with: the connector finds it through the
 * server's configuration, exactly as it would find Kaleyra.
 */
@ApplicationScoped
public class LocalKaleyra {

    private KaleyraSandbox sandbox;

    /** The running sandbox, started on first use. */
    public synchronized KaleyraSandbox sandbox() {
        if (sandbox == null) {
            URI baseUrl = URI.create(ConfigProvider.getConfig().getValue("kaleyra.base-url", String.class));
            sandbox = KaleyraSandbox.start(baseUrl.getPort());
        }
        return sandbox;
    }

    @PreDestroy
    synchronized void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
