package io.kaleyracta.spring;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.engine.EngineLedger;
import io.kaleyracta.connector.engine.KaleyraConnectorPlugin;
import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.observe.SendObserver;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.connector.status.engine.StatusCallbackEndpoint;
import io.kaleyracta.connector.tracking.InMemoryTapStore;
import io.kaleyracta.connector.tracking.TapLinks;
import io.kaleyracta.connector.tracking.TrackingConfig;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The connector in a Spring Boot application: {@code kaleyra.*} from Spring's Environment (application.yaml,
 * profiles, environment variables, any property source), one shared {@link CtaSender}, and the bean
 * {@value KaleyraConnectorPlugin#BEAN_NAME}.
 *
 * <p>{@code camunda:class="io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate"} uses the same bean: a
 * Spring-built engine asks the application context for a bean of a delegate's class before it instantiates one
 * (Camunda's {@code SpringArtifactFactory}), so both wirings send with this configuration. The engine's beans map is
 * left alone: Spring's own resolver keeps answering every other bean name in expressions.
 */
@AutoConfiguration
@EnableConfigurationProperties(KaleyraProperties.class)
public class KaleyraAutoConfiguration {

  /**
   * Reads and checks the configuration at start-up (not lazily: a bad key stops the application, naming each key).
   * Relaxed names as everywhere in Spring Boot: {@code kaleyra.api-key}, {@code kaleyra.apiKey} and
   * {@code KALEYRA_API_KEY} are one key.
   */
  @Bean
  @Lazy(false)
  @ConditionalOnMissingBean
  public KaleyraConfig kaleyraConfig(Environment environment) {
    return KaleyraConfig.from(KaleyraEnvironment.lookup(environment));
  }

  /**
   * Tap tracking ("Track taps"): {@code kaleyra.tracking.*} from the Environment. Without it tasks that ask for
   * tracking fail with {@code KALEYRA_INVALID_INPUT} naming the keys; nothing else changes.
   */
  @Bean
  @ConditionalOnMissingBean
  public TapLinks kaleyraTapLinks(Environment environment) {
    return new TapLinks(TrackingConfig.from(KaleyraEnvironment.lookup(environment)),
        InMemoryTapStore.jvmWide(), Clock.systemUTC());
  }

  /** One sender (one REST client and its connection pool) for the application, observed by every SendObserver. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public CtaSender kaleyraCtaSender(KaleyraConfig config, ObjectProvider<SendObserver> observers,
      TapLinks kaleyraTapLinks) {
    return new CtaSender(config, SendObserver.all(observers.orderedStream().toList()), kaleyraTapLinks);
  }

  /**
   * {@code kaleyra.ledger} and {@code kaleyra.ledger.retention-days} from Spring's Environment for the application's
   * engine, as it is created (the send ledger reads MicroProfile Config otherwise, which knows no application.yaml).
   */
  @Bean
  public static BeanPostProcessor kaleyraLedgerSettings(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (StatusCallbackEndpoint.engineType().isInstance(bean)) {
          EngineLedger.useSettings(bean, KaleyraEnvironment.lookup(environment));
        }
        return bean;
      }
    };
  }

  /** {@code camunda:delegateExpression="${kaleyraWhatsAppCta}"}, and the instance {@code camunda:class} gets. */
  @Bean(name = KaleyraConnectorPlugin.BEAN_NAME)
  @ConditionalOnMissingBean(name = KaleyraConnectorPlugin.BEAN_NAME)
  public SendWhatsAppCtaDelegate kaleyraWhatsAppCta(CtaSender kaleyraCtaSender) {
    return new SendWhatsAppCtaDelegate(() -> kaleyraCtaSender);
  }
}
