package io.kaleyracta.example;

import io.kaleyracta.sandbox.KaleyraSandbox;
import java.net.URI;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Demo mode: once the web server listens, tells the local sandbox to report each message's statuses to this
 * application's status endpoint, with the credentials {@code application-demo.yaml} gives the endpoint: what
 * a callback profile in Kaleyra's console does for a real account (docs/delivery-status.md).
 */
public final class SandboxCallbacks implements ApplicationListener<WebServerInitializedEvent> {

  /** The starter's default path of the endpoint ({@code kaleyra.callback.path}). */
  static final String DEFAULT_PATH = "/kaleyra/whatsapp/status";

  private final KaleyraSandbox sandbox;
  private volatile URI url;

  SandboxCallbacks(KaleyraSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) { // the application's server, not management's
      url = pointAt(sandbox, event.getApplicationContext().getEnvironment(), event.getWebServer().getPort());
    }
  }

  /** Where the callbacks go, once the server listens; {@code null} before (or without a web server). */
  public URI url() {
    return url;
  }

  /** Points the sandbox's status callbacks at the endpoint on {@code port} of 127.0.0.1; returns its URL. */
  public static URI pointAt(KaleyraSandbox sandbox, Environment environment, int port) {
    URI url = URI.create("http://127.0.0.1:" + port + environment.getProperty("server.servlet.context-path", "")
        + environment.getProperty("kaleyra.callback.path", DEFAULT_PATH));
    sandbox.sendStatusCallbacks(url, environment.getProperty("kaleyra.callback.username"),
        environment.getProperty("kaleyra.callback.password"));
    return url;
  }
}
