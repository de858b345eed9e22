package io.kaleyracta.benchmarks;

import java.util.List;

/**
 * Runs only the synchronous connector model for a while, for a profiler to watch (JFR:
 * {@code -XX:StartFlightRecording=settings=profile,filename=send.jfr}). Argument: seconds (default 60).
 */
public final class ProfileRun {

  private ProfileRun() {
  }

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
    String model = args.length > 1 ? args[1] : Models.CONNECTOR;
    try (Stand stand = Stand.start()) {
      Benchmarks.configureConnector(stand);
      try (EngineRows engine = new EngineRows(stand.baseUrl(), List.of())) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long instances = 0;
        while (System.nanoTime() < end) {
          engine.synchronous(model, 0, 1, 500);
          instances += 500;
        }
        System.out.printf("%d instances of %s in %d s%n", instances, model, seconds);
      }
    }
  }
}
