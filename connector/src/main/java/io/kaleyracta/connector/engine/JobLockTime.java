package io.kaleyracta.connector.engine;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import io.kaleyracta.connector.config.KaleyraConfig;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Warns once per engine and configuration when one send can outlast the job executor's lock on its job: the lock
 * then expires while the task still runs, and another job executor (another thread or cluster node) may run the
 * same job, and send the same message, at the same time.
 */
final class JobLockTime {

  private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

  private JobLockTime() {
  }

  static void warnOnceIfSendOutlastsLock(ProcessEngine processEngine, KaleyraConfig config) {
    if (!(processEngine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl engineConfig)) {
      return;
    }
    JobExecutor jobExecutor = engineConfig.getJobExecutor();
    if (jobExecutor == null) {
      return;
    }
    long lockTimeMillis = jobExecutor.getLockTimeInMillis();
    Duration worstCase = config.worstCaseSendTime();
    if (CHECKED.add(processEngine.getName() + "|" + lockTimeMillis + "|" + worstCase.toMillis())
        && worstCase.toMillis() > lockTimeMillis) {
      LOG.sendMayOutlastJobLock(processEngine.getName(), worstCase, lockTimeMillis, String.join(", ",
          KaleyraConfig.RETRY_MAX_ATTEMPTS, KaleyraConfig.CONNECT_TIMEOUT_MS, KaleyraConfig.READ_TIMEOUT_MS,
          KaleyraConfig.RETRY_BACKOFF_MS, KaleyraConfig.RETRY_MAX_RETRY_AFTER_MS));
    }
  }
}
