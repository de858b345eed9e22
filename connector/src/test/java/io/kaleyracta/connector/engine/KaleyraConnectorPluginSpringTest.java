package io.kaleyracta.connector.engine;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * In an engine built by Spring ({@link SpringProcessEngineConfiguration} through {@link ProcessEngineFactoryBean}, as
 * Spring Boot's starter and Camunda Run build it) the plugin makes {@code ${kaleyraWhatsAppCta}} resolve and the
 * application context's beans keep resolving. The factory bean builds its expression manager before the plugins run.
 *
 * <p>Left out of the CIB seven build: its Spring module is not on Maven Central (see docs/engines.md).
 */
class KaleyraConnectorPluginSpringTest extends BeanWiredJourney {

  @Test
  void inASpringBuiltEngineBothTheConnectorAndASpringBeanResolve() {
    try (AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext(SpringHost.class)) {
      sendsThroughTheConnectorAndRecordsInTheHostsBean(spring.getBean(ProcessEngine.class),
          spring.getBean(HOST_BEAN, Receipts.class));
    }
  }

  /** The engine as Spring Boot's starter builds it, and one bean of the application's own. */
  @Configuration
  static class SpringHost {

    @Bean
    DataSource dataSource() {
      return new SimpleDriverDataSource(new org.h2.Driver(),
          "jdbc:h2:mem:kaleyra-spring-plugin-test;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    SpringProcessEngineConfiguration processEngineConfiguration(DataSource dataSource,
        PlatformTransactionManager transactionManager) {
      SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
      configuration.setProcessEngineName("spring-plugin-test");
      configuration.setDataSource(dataSource);
      configuration.setTransactionManager(transactionManager);
      configuration.setDatabaseSchemaUpdate("true");
      configuration.setJobExecutorActivate(false);
      configuration.setProcessEnginePlugins(List.of(new KaleyraConnectorPlugin()));
      return configuration;
    }

    @Bean
    ProcessEngineFactoryBean processEngine(SpringProcessEngineConfiguration configuration) {
      ProcessEngineFactoryBean factory = new ProcessEngineFactoryBean();
      factory.setProcessEngineConfiguration(configuration);
      return factory;
    }

    @Bean(HOST_BEAN)
    Receipts receipts() {
      return new Receipts();
    }
  }
}
