package io.kaleyracta.spring.status;

import io.kaleyracta.connector.status.CallbackObserver;
import io.kaleyracta.connector.status.engine.StatusCallbackEndpoint;
import io.kaleyracta.connector.status.engine.StatusSweeper;
import io.kaleyracta.connector.status.servlet.StatusCallbackServlet;
import io.kaleyracta.spring.KaleyraEnvironment;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Kaleyra's delivery status callbacks in a Spring Boot servlet application with a Camunda engine: the endpoint at
 * {@code kaleyra.callback.path} (default {@code /kaleyra/whatsapp/status}) and the status inbox's sweep, with
 * {@code kaleyra.callback.*} from Spring's Environment. Without {@code kaleyra.callback.username} and
 * {@code kaleyra.callback.password} the endpoint refuses every callback (401). {@code kaleyra.callback.enabled=false}
 * leaves both out; a bean named {@code kaleyraStatusCallback} replaces the endpoint.
 *
 * <p>No engine type appears here, so this one jar serves Camunda 7, Operaton and CIB seven: the endpoint and the sweep
 * look the application's engine up by the connector's engine type when it has started.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.servlet.http.HttpServlet")
@ConditionalOnProperty(name = "kaleyra.callback.enabled", havingValue = "true", matchIfMissing = true)
public class KaleyraStatusAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "kaleyraStatusCallback")
  public ServletRegistrationBean<StatusCallbackServlet> kaleyraStatusCallback(Environment environment,
      BeanFactory beans, ObjectProvider<CallbackObserver> observers) {
    Function<String, String> config = KaleyraEnvironment.lookup(environment);
    ServletRegistrationBean<StatusCallbackServlet> registration = new ServletRegistrationBean<>(
        new StatusCallbackServlet(StatusCallbackEndpoint.forLazyEngine(engine(beans), config,
            CallbackObserver.all(observers.orderedStream().toList()))),
        StatusCallbackServlet.path(config));
    registration.setName("kaleyraStatusCallback");
    return registration;
  }

  @Bean(destroyMethod = "shutdownNow")
  @ConditionalOnMissingBean(name = "kaleyraStatusSweep")
  public ScheduledExecutorService kaleyraStatusSweep(Environment environment, BeanFactory beans) {
    ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "kaleyra-status-sweep");
      thread.setDaemon(true);
      return thread;
    });
    sweep.scheduleWithFixedDelay(StatusSweeper.forLazyEngine(engine(beans), KaleyraEnvironment.lookup(environment)),
        StatusSweeper.DEFAULT_PERIOD_SECONDS, StatusSweeper.DEFAULT_PERIOD_SECONDS, TimeUnit.SECONDS);
    return sweep;
  }

  private static Supplier<Object> engine(BeanFactory beans) {
    return () -> beans.getBean(StatusCallbackEndpoint.engineType());
  }
}
