package io.kaleyracta.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Reads what one repetition of a row cost this JVM: wall time, process CPU time and bytes allocated by all live
 * threads. The Kaleyra stand-in runs in another process, so none of its cost is counted here.
 */
final class Meter {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** The cost of one operation, averaged over a repetition. */
  record Cost(double micros, double cpuMicros, double bytes) {
    static Cost median(Cost[] costs) {
      return new Cost(median(costs, Cost::micros), median(costs, Cost::cpuMicros), median(costs, Cost::bytes));
    }

    private static double median(Cost[] costs, java.util.function.ToDoubleFunction<Cost> field) {
      double[] values = Arrays.stream(costs).mapToDouble(field).sorted().toArray();
      return values[values.length / 2];
    }
  }

  interface Work {
    void run(int operations) throws Exception;
  }

  private Meter() {
  }

  static Cost measure(int operations, Work work) throws Exception {
    long bytes = allocatedBytes();
    long cpu = OS.getProcessCpuTime();
    long started = System.nanoTime();
    work.run(operations);
    long nanos = System.nanoTime() - started;
    return new Cost(nanos / 1e3 / operations, (OS.getProcessCpuTime() - cpu) / 1e3 / operations,
        (double) (allocatedBytes() - bytes) / operations);
  }

  /** Median of {@code repetitions} runs of {@code operations} each. */
  static Cost median(int repetitions, int operations, Work work) throws Exception {
    Cost[] costs = new Cost[repetitions];
    for (int i = 0; i < repetitions; i++) {
      costs[i] = measure(operations, work);
    }
    return Cost.median(costs);
  }

  static long allocatedBytes() {
    long[] ids = THREADS.getAllThreadIds();
    return Arrays.stream(THREADS.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
  }

  static long heapAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
