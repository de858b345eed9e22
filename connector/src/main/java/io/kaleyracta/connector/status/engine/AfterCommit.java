package io.kaleyracta.connector.status.engine;

import io.kaleyracta.connector.engine.EngineDatabase;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Runs engine work that must follow a commit. With plain JDBC or Spring's local transactions it runs right away, on
 * the committing thread. A JTA engine calls the listener from the transaction's completion, where no new engine
 * transaction can be begun (WildFly refuses the connection: "Attempt to return connection twice"), so there the
 * work goes to a thread of its own, which ends after a second idle and so holds no application server thread after
 * an undeploy.
 */
final class AfterCommit {

  private static final ThreadPoolExecutor WORKER = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(), task -> {
        Thread thread = new Thread(task, "kaleyra-after-commit");
        thread.setDaemon(true);
        return thread;
      });

  private AfterCommit() {
  }

  static void run(ProcessEngineConfigurationImpl engine, Runnable work) {
    if (EngineDatabase.of(engine).joinsJta()) {
      WORKER.execute(work);
    } else {
      work.run();
    }
  }
}
