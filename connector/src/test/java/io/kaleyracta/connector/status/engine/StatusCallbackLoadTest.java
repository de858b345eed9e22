package io.kaleyracta.connector.status.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.status.CallbackCredentials;
import io.kaleyracta.connector.status.StatusInbox;
import io.kaleyracta.connector.testing.CallbackServer;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.StatusTables;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * 1,000 callbacks over HTTP from 8 threads for 250 waiting instances, shuffled, with duplicates and out-of-order
 * statuses (per message: sent, delivered, read and read again). Asserts that every wait ends exactly once and that
 * every acknowledged status is stored once; prints throughput and latency (figures to read, not to assert) to
 * stdout and to {@code target/status-load.txt}.
 */
@EnabledIf("onCamunda")
class StatusCallbackLoadTest extends EngineTest {

  /**
   * The figures are measured once, on Camunda 7; connector-engines runs the behaviour tests on the forks. (Written
   * so that its rename of the package prefix leaves the comparison alone.)
   */
  static boolean onCamunda() {
    return org.camunda.bpm.engine.ProcessEngine.class.getName().startsWith("org." + "camunda" + ".");
  }

  private static final int INSTANCES = 250;
  private static final int THREADS = 8;
  private static final String[] SCRIPT = {"sent", "delivered", "read", "read"};

  @Test
  void correlatesEachOf250WaitsExactlyOnceUnder1000ConcurrentCallbacks() throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration();
    StatusInbox inbox = StatusCallbackEndpoint.inbox(configuration);
    StatusTables.empty(configuration.getDataSource());
    deploy(StatusWaitProcessTest.waitOnly("${messageId}", "DELIVERED"));
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      instances.add(runtime.startProcessInstanceByKey(StatusWaitProcessTest.PROCESS,
          Map.of("messageId", "LOAD" + i)));
    }
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      for (String status : SCRIPT) {
        bodies.add("{\"status\":\"" + status + "\",\"message_id\":\"LOAD" + i + "\",\"extra_info\":{\"message_id\":"
            + "\"LOAD" + i + "\"},\"meta_object\":{\"value\":{\"statuses\":[{\"id\":\"wamid.LOAD" + i
            + "\",\"status\":\"" + status + "\",\"timestamp\":\"1722834665\"}]}}}");
      }
    }
    Collections.shuffle(bodies, new Random(12));

    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger notAcknowledged = new AtomicInteger();
    long started;
    long elapsed;
    try (CallbackServer server = new CallbackServer(StatusCallbackEndpoint.forEngine(engine.getProcessEngine(),
        Map.of(CallbackCredentials.USERNAME, CallbackServer.USERNAME, CallbackCredentials.PASSWORD,
            CallbackServer.PASSWORD)::get))) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      String authorization = "Basic " + Base64.getEncoder().encodeToString(
          (CallbackServer.USERNAME + ":" + CallbackServer.PASSWORD).getBytes(StandardCharsets.UTF_8));
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      AtomicInteger next = new AtomicInteger();
      started = System.nanoTime();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(server.url()).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
            try {
              if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                notAcknowledged.incrementAndGet();
              }
            } catch (IOException e) {
              notAcknowledged.incrementAndGet();
            }
            latencies.add(System.nanoTime() - sent);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      elapsed = System.nanoTime() - started;
      threads.shutdown();
    }

    assertThat(notAcknowledged).hasValue(0);
    long endedWaits = history.createHistoricActivityInstanceQuery().activityId("wait").finished().count();
    long endedInstances = history.createHistoricProcessInstanceQuery().processDefinitionKey(
        StatusWaitProcessTest.PROCESS).finished().count();
    assertThat(endedWaits).as("each wait ended exactly once").isEqualTo(INSTANCES);
    assertThat(endedInstances).isEqualTo(INSTANCES);
    for (ProcessInstance instance : instances) {
      assertThat(variable(instance, StatusWait.STATUS)).isIn("DELIVERED", "READ");
    }
    int stored = 0;
    for (int i = 0; i < INSTANCES; i++) {
      stored += inbox.statusesOf("LOAD" + i).size() + inbox.statusesOf("wamid.LOAD" + i).size();
    }
    assertThat(stored).as("3 distinct statuses x 2 ids x 250 messages, duplicates stored once").isEqualTo(1500);

    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    String figures = String.format("status callbacks load: %d callbacks (%d distinct) from %d threads for %d waits "
        + "in %.2f s = %.0f callbacks/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; waits ended "
        + "%d (exactly once each), statuses stored %d, not acknowledged %d%n", bodies.size(), INSTANCES * 3, THREADS,
        INSTANCES, elapsed / 1e9, bodies.size() / (elapsed / 1e9), percentile(sorted, 50), percentile(sorted, 95),
        percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, endedWaits, stored, notAcknowledged.get());
    System.out.print(figures);
    Files.writeString(Path.of("target", "status-load.txt"), figures);
  }

  private static double percentile(List<Long> sorted, int percent) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
  }
}
