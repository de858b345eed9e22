package io.kaleyracta.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link ClusterNode} JVM started by the test, with its output in {@code target/cluster-logs/<name>-<n>.log}. */
final class Node {

  private static int started;

  private final String name;
  private final Process process;
  private final Path log;

  private Node(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * @param properties system properties of the node (connector configuration and test switches)
   * @param apiKey passed in the environment, as in production, never as a system property
   */
  static Node start(String name, Map<String, String> properties, String apiKey) throws IOException {
    Path logs = Path.of("target", "cluster-logs");
    Files.createDirectories(logs);
    Path log = logs.resolve(name + "-" + (++started) + ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.util.logging.config.file=" + Path.of("target", "test-classes", "node-logging.properties")
        .toAbsolutePath());
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ClusterNode.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("KALEYRA_API_KEY", apiKey);
    return new Node(name, builder.start(), log);
  }

  Node awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains("READY " + name)) {
        return this;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; see " + log);
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("node " + name + " not ready after " + timeout + "; see " + log);
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no engine close, locked jobs stay locked until their lock expires. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  void awaitExit(Duration timeout) throws InterruptedException {
    process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** An orderly stop (SIGTERM): the engine closes, the job executor stops. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      kill();
    }
  }
}
