package io.kaleyracta.example;

import io.kaleyracta.sandbox.KaleyraSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the reminders go: the local Kaleyra sandbox (no credentials needed) or the real Kaleyra.
 *
 * <p>The connector reads MicroProfile Config, not Spring properties. For the sandbox, this class starts it on a
 * free port of 127.0.0.1 and sets its coordinates as system properties ({@code kaleyra.base-url}, {@code
 * kaleyra.sid}, ...), which MicroProfile Config reads before environment variables, so stray {@code KALEYRA_*}
 * variables cannot point the demo at the real Kaleyra. For the real Kaleyra nothing is set here: the connector reads
 * {@code KALEYRA_SID}, {@code KALEYRA_API_KEY}, {@code KALEYRA_BUSINESS_NUMBER} (and optionally {@code
 * KALEYRA_REGION} or {@code KALEYRA_BASE_URL}) from the environment itself, as it would in production.
 */
public final class KaleyraTarget implements AutoCloseable {

  /** The environment variable naming the phone that receives the one real message. */
  public static final String RECIPIENT_ENV = "KALEYRA_DEMO_RECIPIENT";
  static final List<String> REAL_ENV = List.of("KALEYRA_SID", "KALEYRA_API_KEY", "KALEYRA_BUSINESS_NUMBER",
      RECIPIENT_ENV);

  private final KaleyraSandbox sandbox;
  private final String recipient;
  private final String baseUrl;

  private KaleyraTarget(KaleyraSandbox sandbox, String recipient, String baseUrl) {
    this.sandbox = sandbox;
    this.recipient = recipient;
    this.baseUrl = baseUrl;
  }

  /**
   * The sandbox unless {@code KALEYRA_SID} or {@code KALEYRA_API_KEY} is set (or {@code forceSandbox}); with one of
   * them set, all of {@link #REAL_ENV} must be.
   *
   * @throws IllegalStateException naming the missing variables (never their values)
   */
  public static KaleyraTarget choose(Map<String, String> env, boolean forceSandbox) {
    boolean wantsReal = isSet(env, "KALEYRA_SID") || isSet(env, "KALEYRA_API_KEY");
    if (forceSandbox || !wantsReal) {
      return sandbox();
    }
    List<String> missing = new ArrayList<>();
    for (String name : REAL_ENV) {
      if (!isSet(env, name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("To send one real message through Kaleyra set " + String.join(", ", REAL_ENV)
          + "; missing: " + String.join(", ", missing) + ". Nothing was sent. (Unset KALEYRA_SID and KALEYRA_API_KEY,"
          + " or pass --sandbox, to run the demo against the local sandbox.)");
    }
    String baseUrl = isSet(env, "KALEYRA_BASE_URL") ? env.get("KALEYRA_BASE_URL").trim() : null;
    return new KaleyraTarget(null, env.get(RECIPIENT_ENV).trim(), baseUrl);
  }

  /** Starts the sandbox on a free port and points the connector at it. */
  public static KaleyraTarget sandbox() {
    KaleyraSandbox sandbox = KaleyraSandbox.start();
    System.setProperty("kaleyra.base-url", sandbox.baseUrl());
    System.setProperty("kaleyra.sid", KaleyraSandbox.SID);
    System.setProperty("kaleyra.api-key", KaleyraSandbox.API_KEY);
    System.setProperty("kaleyra.business-number", KaleyraSandbox.BUSINESS_NUMBER);
    // the connector's default, pinned so the sandbox's outage (3 x WA500) always outlasts the in-call retries
    System.setProperty("kaleyra.retry.max-attempts", "3");
    return new KaleyraTarget(sandbox, null, sandbox.baseUrl());
  }

  public boolean isSandbox() {
    return sandbox != null;
  }

  public Optional<KaleyraSandbox> localSandbox() {
    return Optional.ofNullable(sandbox);
  }

  /** The recipient of the one real message; only for the real Kaleyra. */
  public String realRecipient() {
    return recipient;
  }

  public String describe() {
    if (isSandbox()) {
      return "the local Kaleyra sandbox at " + baseUrl;
    }
    return (baseUrl == null ? "Kaleyra (KALEYRA_REGION's host, IN by default)" : "Kaleyra at " + baseUrl
        + " (KALEYRA_BASE_URL)") + " with the account in KALEYRA_SID / KALEYRA_API_KEY";
  }

  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static boolean isSet(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }
}
