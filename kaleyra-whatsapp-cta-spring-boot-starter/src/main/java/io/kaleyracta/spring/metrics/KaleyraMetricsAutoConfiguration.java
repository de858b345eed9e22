package io.kaleyracta.spring.metrics;

import io.kaleyracta.connector.metrics.MicrometerCallbackObserver;
import io.kaleyracta.connector.metrics.MicrometerSendObserver;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The connector's meters ({@code kaleyra.whatsapp.*}) in the application's Micrometer registry, when it has one
 * (Spring Boot Actuator makes one and shows it at {@code /actuator/metrics} and, with micrometer-registry-prometheus,
 * {@code /actuator/prometheus}).
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(MeterRegistry.class)
public class KaleyraMetricsAutoConfiguration {

  @Bean
  public MicrometerSendObserver kaleyraMetrics(MeterRegistry registry) {
    return new MicrometerSendObserver(registry);
  }

  /** {@code kaleyra.whatsapp.status.callbacks{answer}} and {@code kaleyra.whatsapp.statuses{status,code}}. */
  @Bean
  public MicrometerCallbackObserver kaleyraCallbackMetrics(MeterRegistry registry) {
    return new MicrometerCallbackObserver(registry);
  }
}
