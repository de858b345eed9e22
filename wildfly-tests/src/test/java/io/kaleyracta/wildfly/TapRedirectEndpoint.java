package io.kaleyracta.wildfly;

import io.kaleyracta.connector.tracking.TapRedirect;
import io.kaleyracta.connector.tracking.servlet.TapRedirectServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Tap tracking's redirect endpoint as a Jakarta EE application exposes it: the connector's servlet at
 * {@code /kaleyra/t/*}, over the application's engine (links in its database, first taps handed to its status
 * waits), with {@code kaleyra.tracking.*} from the server's MP Config.
 */
@WebServlet(TapRedirectServlet.MAPPING)
public class TapRedirectEndpoint extends TapRedirectServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    EmbeddedProcessEngine engine;

    private transient volatile TapRedirect redirect;

    @Override
    protected TapRedirect redirect() {
        if (redirect == null) {
            synchronized (this) {
                if (redirect == null) {
                    redirect = io.kaleyracta.connector.tracking.engine.TapEndpoint.forEngine(engine.processEngine(),
                            key -> ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(null));
                }
            }
        }
        return redirect;
    }

    @Override
    public void destroy() {
        if (redirect != null) {
            redirect.close();
        }
        super.destroy();
    }
}
