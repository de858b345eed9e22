package io.kaleyracta.example;

import io.kaleyracta.sandbox.KaleyraSandbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Where the reminders go: the local Kaleyra sandbox (no credentials needed) or the real Kaleyra, each a Spring
 * profile that the connector's starter reads like any other {@code kaleyra.*} configuration.
 *
 * <ul>
 *   <li>{@value #DEMO_PROFILE} ({@code application-demo.yaml}): this class starts the sandbox on a free port of
 *       127.0.0.1 and hands the port to Spring as {@value #SANDBOX_PORT_PROPERTY}; the profile points
 *       {@code kaleyra.*} at it and gives the status endpoint its credentials. Once the web server listens, the
 *       sandbox sends its status callbacks there ({@link SandboxCallbacks}). {@code KALEYRA_*} environment variables
 *       are ignored in this mode, so stray ones cannot point the demo at the real Kaleyra.
 *   <li>{@value #REAL_ACCOUNT_PROFILE} ({@code application-real-account.yaml}): {@code KALEYRA_SID},
 *       {@code KALEYRA_API_KEY}, {@code KALEYRA_BUSINESS_NUMBER} (and optionally {@code KALEYRA_REGION} or
 *       {@code KALEYRA_BASE_URL}) come from the environment, as they would in production.
 * </ul>
 */
public final class KaleyraTarget implements AutoCloseable {

  public static final String DEMO_PROFILE = "demo";
  public static final String REAL_ACCOUNT_PROFILE = "real-account";
  /** The sandbox's port, for {@code application-demo.yaml}. */
  public static final String SANDBOX_PORT_PROPERTY = "kaleyra-sandbox.port";

  /** The environment variable naming the phone that receives the one real message. */
  public static final String RECIPIENT_ENV = "KALEYRA_DEMO_RECIPIENT";
  static final List<String> REAL_ENV = List.of("KALEYRA_SID", "KALEYRA_API_KEY", "KALEYRA_BUSINESS_NUMBER",
      RECIPIENT_ENV);

  private final KaleyraSandbox sandbox;
  private final SandboxCallbacks callbacks;
  private final String recipient;
  private final String baseUrl;

  private KaleyraTarget(KaleyraSandbox sandbox, String recipient, String baseUrl) {
    this.sandbox = sandbox;
    this.callbacks = sandbox == null ? null : new SandboxCallbacks(sandbox);
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

  /** Starts the sandbox on a free port; {@link #configure} points the connector at it. */
  public static KaleyraTarget sandbox() {
    KaleyraSandbox sandbox = KaleyraSandbox.start();
    return new KaleyraTarget(sandbox, null, sandbox.baseUrl());
  }

  /**
   * Chooses the application's profile for this target; for the sandbox, also its port, no KALEYRA_* variables, and
   * its status callbacks to the application's endpoint once the web server listens.
   */
  public void configure(SpringApplication application) {
    if (sandbox == null) {
      application.setAdditionalProfiles(REAL_ACCOUNT_PROFILE);
      return;
    }
    application.setAdditionalProfiles(DEMO_PROFILE);
    application.setDefaultProperties(Map.of(SANDBOX_PORT_PROPERTY, sandbox.port()));
    application.addInitializers(context -> ignoreKaleyraVariables(context.getEnvironment()));
    application.addListeners(callbacks);
  }

  /** Takes the KALEYRA_* variables out of the environment Spring reads (the process's own stay as they are). */
  static void ignoreKaleyraVariables(ConfigurableEnvironment environment) {
    MutablePropertySources sources = environment.getPropertySources();
    String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    if (!(sources.get(name) instanceof MapPropertySource variables)) {
      return;
    }
    Map<String, Object> kept = new HashMap<>(variables.getSource());
    kept.keySet().removeIf(variable -> variable.toUpperCase(Locale.ROOT).startsWith("KALEYRA_"));
    sources.replace(name, new SystemEnvironmentPropertySource(name, kept));
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
      return "the local Kaleyra sandbox at " + baseUrl + (callbacks.url() == null ? ""
          : ", which reports statuses to " + callbacks.url());
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
