package io.kaleyracta.spring.actuate;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.spring.KaleyraAutoConfiguration;
import io.kaleyracta.spring.KaleyraProperties;
import java.time.Clock;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** With Spring Boot Actuator: the {@code kaleyra} health indicator and the sanitising of the API key. */
@AutoConfiguration(after = KaleyraAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
public class KaleyraActuatorAutoConfiguration {

  @Bean
  @ConditionalOnEnabledHealthIndicator("kaleyra")
  public KaleyraHealthIndicator kaleyraHealthIndicator(KaleyraConfig config, KaleyraProperties properties) {
    return new KaleyraHealthIndicator(config, properties.getHealth().getWindow(), Clock.systemUTC());
  }

  @Bean
  public KaleyraSecrets kaleyraSecrets() {
    return new KaleyraSecrets();
  }
}
