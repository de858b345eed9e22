package io.kaleyracta.connector.bench;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.input.InputValidator;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.payload.CtaMessageRequest;
import io.kaleyracta.connector.payload.PayloadJson;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.connector.ledger.Completion;
import io.kaleyracta.connector.ledger.Delivery;
import io.kaleyracta.connector.ledger.InMemorySendLedger;
import io.kaleyracta.connector.ledger.Origin;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.sandbox.KaleyraSandbox;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints the connector's figures: the cost of validation + mapping + JSON per message, a full send against the
 * local sandbox (latency percentiles, throughput, allocation), and the ledger's memory per entry. A main-class
 * harness, not a test: figures are read, not asserted.
 *
 * <pre>mvn -B -q -pl connector -am test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.kaleyracta.connector.bench.SendBenchmark [-Dexec.args=quick]</pre>
 */
public final class SendBenchmark {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    boolean quick = args.length > 0 && args[0].equals("quick");
    mapping(quick ? 50_000 : 300_000);
    try (KaleyraSandbox sandbox = KaleyraSandbox.start()) {
      KaleyraConfig config = KaleyraConfig.from(Map.of(
          KaleyraConfig.SID, KaleyraSandbox.SID,
          KaleyraConfig.API_KEY, KaleyraSandbox.API_KEY,
          KaleyraConfig.BASE_URL, sandbox.baseUrl(),
          KaleyraConfig.BUSINESS_NUMBER, KaleyraSandbox.BUSINESS_NUMBER)::get);
      try (CtaSender sender = new CtaSender(config)) {
        sequentialSends(sender, sandbox, quick ? 500 : 3_000);
        concurrentSends(sender, sandbox, 8, quick ? 1_000 : 6_000);
      }
    }
    ledgerMemory(100_000);
  }

  private static void mapping(int iterations) throws Exception {
    Map<String, Object> inputs = Inputs.full();
    try (PayloadJson json = new PayloadJson()) {
      long sink = 0;
      for (int i = 0; i < iterations / 2; i++) { // warm-up
        sink += json.toJson(CtaMessageRequest.from(InputValidator.validate(inputs::get, "+919000000000").input()))
            .length();
      }
      long bytesBefore = THREADS.getCurrentThreadAllocatedBytes();
      long started = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        sink += json.toJson(CtaMessageRequest.from(InputValidator.validate(inputs::get, "+919000000000").input()))
            .length();
      }
      long nanos = System.nanoTime() - started;
      long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytesBefore;
      System.out.printf("validate+map+JSON (full message): %.2f us/op, %d bytes allocated/op (%d ops, sink %d)%n",
          nanos / 1000.0 / iterations, bytes / iterations, iterations, sink);
    }
  }

  private static void sequentialSends(CtaSender sender, KaleyraSandbox sandbox, int count) {
    Map<String, Object> inputs = Inputs.full();
    for (int i = 0; i < 200; i++) { // warm-up: JIT and connection pool
      sender.send(inputs::get, null);
    }
    sandbox.reset();
    long[] latencies = new long[count];
    long bytesBefore = THREADS.getCurrentThreadAllocatedBytes();
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      SendOutcome outcome = sender.send(inputs::get, null);
      latencies[i] = System.nanoTime() - t0;
      if (!outcome.accepted()) {
        throw new IllegalStateException("send failed: " + outcome);
      }
    }
    long nanos = System.nanoTime() - started;
    long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytesBefore;
    Arrays.sort(latencies);
    System.out.printf("send to local sandbox, 1 thread: %d sends, %.0f sends/s, p50 %.2f ms, p99 %.2f ms, "
            + "max %.2f ms, %d bytes allocated/send by the caller's thread, %d accepted%n",
        count, count / (nanos / 1e9), latencies[count / 2] / 1e6, latencies[count * 99 / 100] / 1e6,
        latencies[count - 1] / 1e6, bytes / count, sandbox.accepted().size());
  }

  private static void concurrentSends(CtaSender sender, KaleyraSandbox sandbox, int threads, int count)
      throws Exception {
    Map<String, Object> inputs = Inputs.full();
    sandbox.reset();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long started = System.nanoTime();
      List<Future<SendOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(pool.submit(() -> sender.send(inputs::get, null)));
      }
      int accepted = 0;
      for (Future<SendOutcome> future : futures) {
        accepted += future.get().accepted() ? 1 : 0;
      }
      long nanos = System.nanoTime() - started;
      System.out.printf("send to local sandbox, %d threads: %d sends, %.0f sends/s, %d accepted, %d distinct ids%n",
          threads, count, count / (nanos / 1e9), accepted,
          sandbox.accepted().stream().map(m -> m.messageId()).distinct().count());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void ledgerMemory(int entries) throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    long before = usedAfterGc(runtime);
    InMemorySendLedger ledger = new InMemorySendLedger();
    for (int i = 0; i < entries; i++) {
      String key = "job/" + java.util.UUID.randomUUID() + "@1764064800000/sendReminder/"
          + "4f6c0d2e9a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d#1";
      ledger.claim(new Delivery(key, new Origin(java.util.UUID.randomUUID().toString(), "sendReminder", null, null,
          java.util.UUID.randomUUID().toString())));
      ledger.complete(key, Completion.accepted("SBX" + (10_000_000 + i)));
    }
    long after = usedAfterGc(runtime);
    System.out.printf("InMemorySendLedger: %d entries (its cap) use about %.1f MB, %d bytes/entry%n",
        ledger.size(), (after - before) / 1e6, (after - before) / entries);
  }

  private static long usedAfterGc(Runtime runtime) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
