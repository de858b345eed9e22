package io.kaleyracta.example;

import io.kaleyracta.sandbox.KaleyraSandbox;

/**
 * One sandbox for the whole test JVM, set up exactly as the one command sets it up ({@link KaleyraTarget#sandbox()}),
 * with the connector's in-call backoff shortened so the outage routes run in seconds.
 */
public final class TestKaleyra {

  public static final String BACKOFF_MS = "50";
  private static KaleyraTarget target;

  private TestKaleyra() {
  }

  public static synchronized KaleyraTarget target() {
    if (target == null) {
      target = KaleyraTarget.sandbox();
      System.setProperty("kaleyra.retry.backoff-ms", BACKOFF_MS);
    }
    return target;
  }

  public static KaleyraSandbox sandbox() {
    return target().localSandbox().orElseThrow();
  }
}
