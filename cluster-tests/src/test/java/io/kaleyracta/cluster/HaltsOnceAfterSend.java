package io.kaleyracta.cluster;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Runs right after the send, in the same transaction. While the test has armed it (the file {@value #ARMED} in the
 * directory {@code -Dcluster.halt-dir}), the first node to get here, across all nodes (decided by creating the file
 * {@value #HALTED}), halts its JVM at once, like {@code kill -9}: Kaleyra has answered 202, the job has not committed.
 */
public class HaltsOnceAfterSend implements JavaDelegate {

  static final String DIRECTORY = "cluster.halt-dir";
  static final String ARMED = "armed";
  static final String HALTED = "halted";

  @Override
  public void execute(DelegateExecution execution) throws IOException {
    String directory = System.getProperty(DIRECTORY);
    if (directory == null || !Files.exists(Path.of(directory, ARMED))) {
      return;
    }
    try {
      Files.writeString(Files.createFile(Path.of(directory, HALTED)), execution.getProcessInstanceId());
    } catch (FileAlreadyExistsException e) {
      return;
    }
    Runtime.getRuntime().halt(137);
  }
}
