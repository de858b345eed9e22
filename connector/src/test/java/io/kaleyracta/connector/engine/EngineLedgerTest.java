package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.ledger.ConnectorSchemaException;
import io.kaleyracta.connector.ledger.JdbcSendLedger;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.sandbox.KaleyraSandbox;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How an engine gets its ledger table: created like the engine's schema, or a start-up error naming the SQL. */
class EngineLedgerTest {

  @AfterEach
  void clearConfig() {
    TestConfig.clear();
  }

  private static StandaloneInMemProcessEngineConfiguration engineOn(String jdbcUrl, String schemaUpdate) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("ledger-" + UUID.randomUUID());
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setDatabaseSchemaUpdate(schemaUpdate);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new KaleyraConnectorPlugin()));
    return configuration;
  }

  @Test
  void anEngineThatMayCreateItsTablesCreatesTheLedgerTableAtStart() throws Exception {
    String url = "jdbc:h2:mem:ledger-create-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ProcessEngine engine = engineOn(url, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).buildProcessEngine();
    try (Connection connection = ((org.camunda.bpm.engine.impl.ProcessEngineImpl) engine)
        .getProcessEngineConfiguration().getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(statement.executeQuery("select count(*) from KCTA_SEND_LEDGER").next()).isTrue();
      assertThat(EngineLedger.of(engine)).isInstanceOf(JdbcSendLedger.class);
    } finally {
      engine.close();
    }
  }

  @Test
  void anEngineThatMayNotCreateTablesStopsAtStartNamingTheSqlFileToRun() {
    String url = "jdbc:h2:mem:ledger-check-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    StandaloneInMemProcessEngineConfiguration creator = engineOn(url, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    creator.setProcessEnginePlugins(List.of()); // the engine's tables only, as a DBA would have created them
    creator.buildProcessEngine().close();

    StandaloneInMemProcessEngineConfiguration checker = engineOn(url, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);

    assertThatThrownBy(checker::buildProcessEngine)
        .isInstanceOf(ConnectorSchemaException.class)
        .hasMessageContaining("KCTA_SEND_LEDGER is missing")
        .hasMessageContaining("run META-INF/kaleyra-cta/sql/h2/kcta_send_ledger.create.sql");
  }

  @Test
  void whenTheLedgerCannotRecordTheClaimNothingIsSentAndTheJobFailsSayingSo() throws Exception {
    try (KaleyraSandbox sandbox = KaleyraSandbox.start()) {
      TestConfig.set(KaleyraConfig.SID, KaleyraSandbox.SID);
      TestConfig.set(KaleyraConfig.API_KEY, KaleyraSandbox.API_KEY);
      TestConfig.set(KaleyraConfig.BASE_URL, sandbox.baseUrl());
      TestConfig.set(KaleyraConfig.BUSINESS_NUMBER, KaleyraSandbox.BUSINESS_NUMBER);
      String url = "jdbc:h2:mem:ledger-gone-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      StandaloneInMemProcessEngineConfiguration configuration =
          engineOn(url, ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      ProcessEngine engine = configuration.buildProcessEngine();
      try {
        engine.getRepositoryService().createDeployment()
            .addModelInstance("cta.bpmn", CtaModel.withInputs(Inputs.minimal().keySet()).async().build()).deploy();
        engine.getRuntimeService().startProcessInstanceByKey(CtaModel.PROCESS, Inputs.minimal());
        try (Connection connection = configuration.getDataSource().getConnection();
            Statement statement = connection.createStatement()) {
          statement.execute("drop table KCTA_SEND_LEDGER"); // as good as a database that refuses the write
        }
        Job job = engine.getManagementService().createJobQuery().singleResult();

        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
            .hasMessageContaining("could not record the delivery before sending, so nothing was sent");
        assertThat(sandbox.requests()).isEmpty();
        assertThat(engine.getManagementService().createJobQuery().singleResult().getRetries()).isEqualTo(2);
      } finally {
        engine.close();
      }
    }
  }
}
