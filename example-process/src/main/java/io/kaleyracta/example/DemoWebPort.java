package io.kaleyracta.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Demo mode: when the web server is to take any free port ({@code server.port=0}: the one-shot run, ci.sh's
 * {@code --server.port=0}, the tests' random port), picks that port before the application's beans are made, so that
 * {@code kaleyra.tracking.base-url} in {@code application-demo.yaml} can name it. The starter reads the base URL when
 * it makes the connector's beans, before the server listens and {@code local.server.port} is known, and the button of
 * a tracked reminder must point at the port the redirect endpoint answers on. (The port is free when picked; another
 * process could take it before the server binds it, and then the application fails to start, saying so.)
 */
public final class DemoWebPort implements ApplicationListener<ApplicationPreparedEvent> {

  static final String SOURCE = "demoWebPort";

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
    if (environment.acceptsProfiles(Profiles.of(KaleyraTarget.DEMO_PROFILE))
        && "0".equals(environment.getProperty("server.port"))) {
      environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of("server.port", freePort())));
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the demo's web server", e);
    }
  }
}
