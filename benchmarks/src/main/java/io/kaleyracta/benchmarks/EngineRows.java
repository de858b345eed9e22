package io.kaleyracta.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * A Camunda 7 engine as a campaign runs it (H2 in memory, history none, a job executor of four threads) with the
 * three models deployed, and the rows measured on it.
 */
final class EngineRows implements AutoCloseable {

  static final int JOB_THREADS = 4;

  private final ProcessEngine engine;
  private final JobExecutor jobExecutor;

  EngineRows(String baseUrl, List<ProcessEnginePlugin> plugins) throws Exception {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("benchmark");
    configuration.setJdbcUrl("jdbc:h2:mem:kaleyra-bench;DB_CLOSE_DELAY=-1");
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJdbcMaxActiveConnections(JOB_THREADS + 4);
    DefaultJobExecutor executor = new DefaultJobExecutor();
    executor.setCorePoolSize(JOB_THREADS);
    executor.setMaxPoolSize(JOB_THREADS);
    executor.setQueueSize(JOB_THREADS * 4);
    executor.setMaxJobsPerAcquisition(JOB_THREADS * 4);
    executor.setWaitTimeInMillis(50);
    configuration.setJobExecutor(executor);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(new ArrayList<>(plugins));
    this.engine = configuration.buildProcessEngine();
    this.jobExecutor = executor;
    var deployment = engine.getRepositoryService().createDeployment();
    for (boolean async : new boolean[] {false, true}) {
      deployment.addInputStream("connector-" + async + ".bpmn", bytes(Models.connector(async)));
      deployment.addInputStream("noop-" + async + ".bpmn", bytes(Models.noop(async)));
      if (!plugins.isEmpty()) {
        deployment.addInputStream("http-" + async + ".bpmn", bytes(Models.httpConnector(async, baseUrl)));
      }
    }
    deployment.deploy();
  }

  private static ByteArrayInputStream bytes(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }

  /** Start -> send -> end in the caller's thread: the cost of one instance. */
  Meter.Cost synchronous(String model, int warmup, int repetitions, int operations) throws Exception {
    String key = Models.processKey(model, false);
    Meter.Work work = n -> {
      for (int i = 0; i < n; i++) {
        engine.getRuntimeService().startProcessInstanceByKey(key, Campaign.nextCustomer());
      }
    };
    work.run(warmup);
    return Meter.median(repetitions, operations, work);
  }

  /** Asynchronous continuation: {@code instances} started, then run by the job executor; returns instances/s. */
  Throughput asynchronous(String model, int instances) throws Exception {
    String key = Models.processKey(model, true);
    for (int i = 0; i < instances; i++) {
      engine.getRuntimeService().startProcessInstanceByKey(key, Campaign.nextCustomer());
    }
    long[] cost = new long[1];
    Meter.Cost perInstance = Meter.measure(instances, n -> {
      long started = System.nanoTime();
      jobExecutor.start();
      while (engine.getManagementService().createJobQuery().count() > 0) {
        Thread.sleep(20);
      }
      cost[0] = System.nanoTime() - started;
      jobExecutor.shutdown();
    });
    long incidents = engine.getRuntimeService().createIncidentQuery().count();
    long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count();
    return new Throughput(instances / (cost[0] / 1e9), perInstance, incidents, running);
  }

  record Throughput(double perSecond, Meter.Cost perInstance, long incidents, long stillRunning) {
  }

  @Override
  public void close() {
    engine.close();
  }
}
