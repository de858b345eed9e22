package io.kaleyracta.spring.tracking;

import io.kaleyracta.connector.tracking.engine.TapEndpoint;
import io.kaleyracta.connector.tracking.servlet.TapRedirectServlet;
import io.kaleyracta.spring.KaleyraEnvironment;
import java.util.function.Function;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Tap tracking's redirect endpoint in a Spring Boot servlet application with a Camunda engine: the connector's servlet
 * at {@code /kaleyra/t/*}, with {@code kaleyra.tracking.*} from Spring's Environment, answering from the links the
 * send task stored in the engine's database and handing first taps to the status waits as {@code TAPPED}. Without
 * {@code kaleyra.tracking.base-url} and {@code kaleyra.tracking.key} it answers 404 to everything (and tasks with
 * Track taps on fail with {@code KALEYRA_INVALID_INPUT}). {@code kaleyra.tracking.enabled=false} leaves it out; a bean
 * named {@code kaleyraTapRedirect} replaces it.
 *
 * <p>No engine type appears here, so this one jar serves Camunda 7, Operaton and CIB seven: the endpoint looks the
 * application's engine up by the connector's engine type at the first tap (503 until the engine has started).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.servlet.http.HttpServlet")
@ConditionalOnProperty(name = "kaleyra.tracking.enabled", havingValue = "true", matchIfMissing = true)
public class KaleyraTrackingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "kaleyraTapRedirect")
  public ServletRegistrationBean<TapRedirectServlet> kaleyraTapRedirect(Environment environment, BeanFactory beans) {
    Function<String, String> config = KaleyraEnvironment.lookup(environment);
    ServletRegistrationBean<TapRedirectServlet> registration = new ServletRegistrationBean<>(
        new TapRedirectServlet(TapEndpoint.forLazyEngine(() -> beans.getBean(TapEndpoint.engineType()), config)),
        TapRedirectServlet.MAPPING);
    registration.setName("kaleyraTapRedirect");
    return registration;
  }
}
