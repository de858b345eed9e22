package io.kaleyracta.connector.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.connector.observe.SendObserver;
import io.kaleyracta.connector.ledger.SendLedger;
import io.kaleyracta.connector.ledger.Origin;
import io.kaleyracta.connector.ledger.LedgerUnavailableException;
import io.kaleyracta.connector.ledger.InMemorySendLedger;
import io.kaleyracta.connector.ledger.Delivery;
import io.kaleyracta.connector.ledger.DeliveryContext;
import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.connector.tracking.engine.EngineTapStore;
import io.kaleyracta.sandbox.AcceptedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The send task's "Track taps" option on a real engine against the sandbox (class delegate, MP Config). */
class TrackTapsProcessTest extends EngineTest {

  private static final String BASE = "https://journeys.example.com";
  private static final String ORIGINAL = "https://example.com/t/1?booking=42&src=wa#confirm";

  private void configureTracking() {
    TestConfig.set(TrackingConfig.BASE_URL, BASE);
    TestConfig.set(TrackingConfig.KEY, TapTokenTest.KEY);
  }

  private static Map<String, Object> tracked(Object trackTaps) {
    Map<String, Object> inputs = Inputs.minimalWith("buttonUrl", ORIGINAL);
    inputs.put("trackTaps", trackTaps);
    return inputs;
  }

  @Test
  void sendsATrackingLinkAndKeepsTheOriginalUrlOnTheServer() {
    configureTracking();
    Map<String, Object> inputs = tracked(true);
    deploy(CtaModel.withInputs(inputs.keySet()));

    ProcessInstance instance = start(inputs);

    AcceptedMessage accepted = sandbox.accepted().get(0);
    assertThat(accepted.buttonUrl()).matches("https://journeys\\.example\\.com/kaleyra/t/[A-Za-z0-9_-]{32}");
    String body = new String(sandbox.requests().get(0).bodyBytes(), StandardCharsets.UTF_8);
    assertThat(body).doesNotContain("example.com/t/1").contains("\"url\":\"" + accepted.buttonUrl() + "\"");
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(accepted.messageId());

    String token = accepted.buttonUrl().substring(accepted.buttonUrl().lastIndexOf('/') + 1);
    String linkId = new TapToken(TapTokenTest.KEY).verify(token).orElseThrow();
    TapStore store = EngineTapStore.of((ProcessEngineConfigurationImpl) engine.getProcessEngine()
        .getProcessEngineConfiguration(), Duration.ofDays(90));
    assertThat(store).as("the engine's database by default").isInstanceOf(JdbcTapStore.class);
    TrackedLink link = store.find(linkId).orElseThrow();
    assertThat(link.originalUrl()).isEqualTo(ORIGINAL);
    assertThat(link.messageId()).isEqualTo(accepted.messageId());
    assertThat(link.taps()).isZero();

    try (TapCorrelation correlation = new TapCorrelation(store, TapCorrelator.NONE)) {
      TapRedirect redirect = new TapRedirect(TrackingConfig.from(Map.of(TrackingConfig.BASE_URL, BASE,
          TrackingConfig.KEY, TapTokenTest.KEY)::get), store, correlation, Clock.systemUTC());
      TapRedirect.Answer answer = redirect.answer("GET", token, "Mozilla/5.0 (iPhone) Mobile");
      assertThat(answer.status()).isEqualTo(302);
      assertThat(answer.location()).isEqualTo(ORIGINAL);
    }
    assertThat(store.find(linkId).orElseThrow().taps()).isEqualTo(1);
  }

  @Test
  void sendsTheButtonUrlUnchangedWhenTrackTapsIsOff() {
    configureTracking();
    Map<String, Object> inputs = Inputs.minimalWith("trackTaps", false);
    deploy(CtaModel.withInputs(inputs.keySet()));

    start(inputs);

    assertThat(sandbox.requests()).singleElement().satisfies(request -> assertThat(request.bodyBytes())
        .isEqualTo(Inputs.golden("minimal-request.json").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void tracksNothingAndSendsNothingWhenTrackingIsOnButNotConfigured() {
    Map<String, Object> inputs = tracked("true");
    deploy(CtaModel.withInputs(inputs.keySet()).catching(SendOutcome.INVALID_INPUT));

    ProcessInstance instance = start(inputs);

    assertThat(passed(instance, "caught_KALEYRA_INVALID_INPUT")).isTrue();
    assertThat(sandbox.requests()).isEmpty();
    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
        .startsWith("Invalid input: trackTaps: is on, but tap tracking is not configured: ")
        .contains("kaleyra.tracking.base-url is missing (environment variable KALEYRA_TRACKING_BASE_URL)")
        .contains("kaleyra.tracking.key is missing (environment variable KALEYRA_TRACKING_KEY)");
  }

  @Test
  void namesAWrongTrackingKeyWithoutShowingIt() {
    TestConfig.set(TrackingConfig.BASE_URL, "http://journeys.example.com");
    TestConfig.set(TrackingConfig.KEY, "short-secret-value");
    Map<String, Object> inputs = tracked(true);
    deploy(CtaModel.withInputs(inputs.keySet()).catching(SendOutcome.INVALID_INPUT));

    ProcessInstance instance = start(inputs);

    String message = (String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE);
    assertThat(message).contains("kaleyra.tracking.base-url may use plain http only for a loopback host")
        .contains("kaleyra.tracking.key must be at least 32 characters").doesNotContain("short-secret-value");
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void refusesAButtonUrlTooLongToKeepBeforeSending() {
    configureTracking();
    Map<String, Object> inputs = tracked(true);
    inputs.put("buttonUrl", "https://example.com/?q=" + "a".repeat(TapLinks.MAX_URL_LENGTH));
    deploy(CtaModel.withInputs(inputs.keySet()).catching(SendOutcome.INVALID_INPUT));

    ProcessInstance instance = start(inputs);

    assertThat(passed(instance, "caught_KALEYRA_INVALID_INPUT")).isTrue();
    assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
        .contains("buttonUrl: at most 2000 characters when trackTaps is on (got 2023)");
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void sendsNothingAndClaimsNothingWhenTheLinkCannotBeStored() {
    InMemorySendLedger ledger = new InMemorySendLedger();
    TapStore broken = new TapStore() {
      @Override
      public void register(TrackedLink link) {
        throw new IllegalStateException("table KCTA_TAP_LINK not reachable");
      }

      @Override
      public void messageAccepted(String linkId, String messageId) {
      }

      @Override
      public java.util.Optional<TrackedLink> find(String linkId) {
        return java.util.Optional.empty();
      }

      @Override
      public java.util.Optional<TrackedLink> recordTap(String linkId, java.time.Instant at, UserAgentClass agent) {
        return java.util.Optional.empty();
      }
    };
    DeliveryContext delivery = new DeliveryContext() {
      @Override
      public SendLedger ledger() {
        return ledger;
      }

      @Override
      public String deliveryKey(String fingerprint) {
        return "direct/test/" + fingerprint;
      }

      @Override
      public Origin origin() {
        return Origin.UNKNOWN;
      }

      @Override
      public TapStore tapStore(TrackingConfig tracking) {
        return broken;
      }
    };
    TrackingConfig tracking = TrackingConfig.from(Map.of(TrackingConfig.BASE_URL, BASE, TrackingConfig.KEY,
        TapTokenTest.KEY)::get);
    Map<String, Object> inputs = tracked(true);
    try (CtaSender sender = new CtaSender(KaleyraConfig.from(ConfigProvider.getConfig()), SendObserver.NONE,
        new TapLinks(tracking, InMemoryTapStore.jvmWide(), Clock.systemUTC()))) {

      assertThatThrownBy(() -> sender.send(inputs::get, delivery)).isInstanceOf(LedgerUnavailableException.class)
          .hasMessageContaining("The tracked button link could not be stored, so nothing was sent")
          .hasMessageContaining("KCTA_TAP_LINK not reachable");
    }
    assertThat(sandbox.requests()).isEmpty();
    assertThat(ledger.claim(new Delivery("probe", Origin.UNKNOWN))).isEmpty(); // the ledger works, and is empty
  }
}
