package io.kaleyracta.example;

import io.kaleyracta.connector.status.engine.StatusCallbackEndpoint;
import io.kaleyracta.connector.status.engine.StatusSweeper;
import io.kaleyracta.connector.status.servlet.StatusCallbackServlet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.eclipse.microprofile.config.ConfigProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kaleyra's delivery statuses in the Spring Boot host: the callback endpoint as a servlet at
 * {@code kaleyra.callback.path} (default {@code /kaleyra/whatsapp/status}) on the application's web port, and the
 * status inbox's periodic sweep. Like the connector, it reads MicroProfile Config ({@code kaleyra.callback.*}
 * system properties or {@code KALEYRA_CALLBACK_*} environment variables); without credentials every callback is
 * refused.
 */
@Configuration(proxyBeanMethods = false)
public class StatusCallbackConfiguration {

  static final Function<String, String> CONFIG =
      key -> ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(null);

  @Bean
  ServletRegistrationBean<StatusCallbackServlet> kaleyraStatusCallback(ProcessEngine engine) {
    ServletRegistrationBean<StatusCallbackServlet> registration = new ServletRegistrationBean<>(
        new StatusCallbackServlet(StatusCallbackEndpoint.forEngine(engine, CONFIG)),
        StatusCallbackServlet.path(CONFIG));
    registration.setName("kaleyraStatusCallback");
    return registration;
  }

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService kaleyraStatusSweep(ProcessEngine engine) {
    ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "kaleyra-status-sweep");
      thread.setDaemon(true);
      return thread;
    });
    sweep.scheduleWithFixedDelay(StatusSweeper.forEngine(engine, CONFIG), StatusSweeper.DEFAULT_PERIOD_SECONDS,
        StatusSweeper.DEFAULT_PERIOD_SECONDS, TimeUnit.SECONDS);
    return sweep;
  }
}
