package io.kaleyracta.wildfly;

import io.kaleyracta.connector.status.StatusReceiver;
import io.kaleyracta.connector.status.engine.StatusCallbackEndpoint;
import io.kaleyracta.connector.status.servlet.StatusCallbackServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The status callback endpoint as a Jakarta EE application exposes it: the connector's servlet at
 * {@code /kaleyra/whatsapp/status}, over the application's engine, with credentials from the server's MP Config.
 */
@WebServlet(StatusCallbackServlet.DEFAULT_PATH)
public class StatusEndpoint extends StatusCallbackServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    EmbeddedProcessEngine engine;

    private transient volatile StatusReceiver receiver;

    @Override
    protected StatusReceiver receiver() {
        if (receiver == null) {
            synchronized (this) {
                if (receiver == null) {
                    receiver = StatusCallbackEndpoint.forEngine(engine.processEngine(),
                            key -> ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(null));
                }
            }
        }
        return receiver;
    }
}
