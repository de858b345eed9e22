package io.kaleyracta.example;

import io.kaleyracta.connector.status.engine.StatusCallbackEndpoint;
import io.kaleyracta.connector.status.engine.StatusSweeper;
import io.kaleyracta.connector.status.servlet.StatusCallbackServlet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Kaleyra's delivery statuses in the Spring Boot host: the callback endpoint as a servlet at
 * {@code kaleyra.callback.path} (default {@code /kaleyra/whatsapp/status}) on the application's web port, and the
 * status inbox's periodic sweep, with {@code kaleyra.callback.*} from Spring's Environment like every other
 * {@code kaleyra.*} key. Without {@code kaleyra.callback.username} and {@code kaleyra.callback.password} every
 * callback is refused (401).
 */
@Configuration(proxyBeanMethods = false)
public class StatusCallbackConfiguration {

  @Bean
  ServletRegistrationBean<StatusCallbackServlet> kaleyraStatusCallback(ProcessEngine engine, Environment environment) {
    Function<String, String> config = config(environment);
    ServletRegistrationBean<StatusCallbackServlet> registration = new ServletRegistrationBean<>(
        new StatusCallbackServlet(StatusCallbackEndpoint.forEngine(engine, config)),
        StatusCallbackServlet.path(config));
    registration.setName("kaleyraStatusCallback");
    return registration;
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService kaleyraStatusSweep(ProcessEngine engine, Environment environment) {
    ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "kaleyra-status-sweep");
      thread.setDaemon(true);
      return thread;
    });
    sweep.scheduleWithFixedDelay(StatusSweeper.forEngine(engine, config(environment)),
        StatusSweeper.DEFAULT_PERIOD_SECONDS, StatusSweeper.DEFAULT_PERIOD_SECONDS, TimeUnit.SECONDS);
    return sweep;
  }

  private static Function<String, String> config(Environment environment) {
    Binder binder = Binder.get(environment);
    return key -> binder.bind(key, Bindable.of(String.class)).orElse(null);
  }
}
