package io.kaleyracta.example;

import io.kaleyracta.sandbox.KaleyraSandbox;

/** One sandbox for the whole test JVM, started exactly as the one command starts it ({@link KaleyraTarget#sandbox()}). */
public final class TestKaleyra {

  private static KaleyraTarget target;

  private TestKaleyra() {
  }

  public static synchronized KaleyraTarget target() {
    if (target == null) {
      target = KaleyraTarget.sandbox();
    }
    return target;
  }

  public static KaleyraSandbox sandbox() {
    return target().localSandbox().orElseThrow();
  }
}
