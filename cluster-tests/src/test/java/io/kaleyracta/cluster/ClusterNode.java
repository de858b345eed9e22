package io.kaleyracta.cluster;

import io.kaleyracta.connector.engine.KaleyraConnectorPlugin;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

/**
 * One engine node: its own JVM, its own job executor with a short lock time, on the shared PostgreSQL database.
 * The connector is configured from system properties and {@code KALEYRA_API_KEY}, as a user would; the ledger is
 * the default one (or {@code -Dkaleyra.ledger=memory} to show what happens without it).
 */
public final class ClusterNode {

  static final String JDBC_URL = "cluster.jdbc-url";
  static final String NAME = "cluster.node";
  /** How long a node keeps a job locked: a crashed node's jobs are taken over after this. */
  static final int LOCK_TIME_MS = 10_000;

  private ClusterNode() {
  }

  public static void main(String[] args) throws Exception {
    ProcessEngine engine = engine(System.getProperty(JDBC_URL), System.getProperty(NAME), true);
    Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
    System.out.println("READY " + System.getProperty(NAME) + " pid " + ProcessHandle.current().pid());
    new CountDownLatch(1).await();
  }

  /** Also used by the test itself (without a job executor) to deploy, start instances and count. */
  static ProcessEngine engine(String jdbcUrl, String name, boolean jobExecutor) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setJdbcUsername("postgres");
    configuration.setJdbcPassword("postgres");
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setJdbcMaxActiveConnections(16);
    // a connection the database dropped is found and replaced before it is handed out
    configuration.setJdbcPingEnabled(true);
    configuration.setJdbcPingQuery("select 1");
    configuration.setJdbcPingConnectionNotUsedFor(0);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
    configuration.setProcessEnginePlugins(List.of(new KaleyraConnectorPlugin()));
    // Camunda's advice for clusters: ids from UUIDs, not from blocks taken from one database row under contention
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJobExecutorActivate(jobExecutor);
    DefaultJobExecutor executor = new DefaultJobExecutor();
    executor.setLockTimeInMillis(LOCK_TIME_MS);
    executor.setWaitTimeInMillis(100);
    executor.setMaxWait(500);
    executor.setMaxJobsPerAcquisition(6);
    executor.setCorePoolSize(6);
    executor.setMaxPoolSize(6);
    executor.setQueueSize(6);
    configuration.setJobExecutor(executor);
    return configuration.buildProcessEngine();
  }
}
