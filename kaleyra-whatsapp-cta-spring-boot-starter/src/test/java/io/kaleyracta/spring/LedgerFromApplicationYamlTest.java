package io.kaleyracta.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.engine.EngineLedger;
import io.kaleyracta.connector.ledger.InMemorySendLedger;
import io.kaleyracta.connector.ledger.JdbcSendLedger;
import io.kaleyracta.spring.app.CamundaTestApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code kaleyra.ledger} is read from Spring's Environment like every other {@code kaleyra.*} key (MicroProfile
 * Config, which the ledger reads on other hosts, knows nothing of application.yaml or Spring properties).
 */
class LedgerFromApplicationYamlTest {

  @Nested
  @SpringBootTest(classes = CamundaTestApplication.class, properties = {"kaleyra.ledger=memory",
      "spring.datasource.url=jdbc:h2:mem:ledger-memory-test;DB_CLOSE_DELAY=-1"})
  class MemoryInTheSpringProperties {

    @Autowired ProcessEngine engine;

    @Test
    void theEngineGetsTheMemoryLedger() {
      assertThat(ConfigProvider.getConfig().getOptionalValue("kaleyra.ledger", String.class)).isEmpty();
      assertThat(EngineLedger.of(engine)).isInstanceOf(InMemorySendLedger.class);
    }
  }

  @Nested
  @SpringBootTest(classes = CamundaTestApplication.class,
      properties = "spring.datasource.url=jdbc:h2:mem:ledger-default-test;DB_CLOSE_DELAY=-1")
  class NothingSet {

    @Autowired ProcessEngine engine;

    @Test
    void theEngineGetsItsDatabaseTable() {
      assertThat(EngineLedger.of(engine)).isInstanceOf(JdbcSendLedger.class);
    }
  }
}
