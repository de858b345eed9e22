package io.kaleyracta.connector.tracking.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.engine.EngineDatabase;
import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.status.DeliveryStatus;
import io.kaleyracta.connector.status.StatusEvent;
import io.kaleyracta.connector.status.StatusInbox;
import io.kaleyracta.connector.status.engine.StatusCallbackEndpoint;
import io.kaleyracta.connector.status.engine.StatusCorrelator;
import io.kaleyracta.connector.status.engine.StatusWait;
import io.kaleyracta.connector.status.engine.StatusWaitListener;
import io.kaleyracta.connector.testing.CapturedLogs;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.StatusTables;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.connector.tracking.JdbcTapStore;
import io.kaleyracta.connector.tracking.TapCorrelation;
import io.kaleyracta.connector.tracking.TapCorrelator;
import io.kaleyracta.connector.tracking.TapRedirect;
import io.kaleyracta.connector.tracking.TapToken;
import io.kaleyracta.connector.tracking.TrackedLink;
import io.kaleyracta.connector.tracking.TrackingConfig;
import io.kaleyracta.connector.tracking.UserAgentClass;
import io.kaleyracta.sandbox.AcceptedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real engine sends a tracked message through the sandbox, the customer's tap goes through the engine's redirect
 * endpoint ({@link TapEndpoint}), and the "Wait for WhatsApp status" receive task ends on TAPPED: the same wait as
 * Kaleyra's statuses, the links and the taps in the engine's database.
 */
class TapWaitProcessTest extends EngineTest {

  private static final String PROCESS = "tapWait";
  private static final String BASE = "https://journeys.example.com";
  private static final String KEY = "engine-test-key-0123456789-abcdefghijklmn";
  private static final String ORIGINAL = "https://clinic.example.com/confirm?appointment=42&lang=en#now";
  private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Mobile Safari/537.36";
  private static final Map<String, String> TRACKING = Map.of(TrackingConfig.BASE_URL, BASE, TrackingConfig.KEY, KEY);

  private ProcessEngineConfigurationImpl configuration;
  private StatusInbox inbox;
  private TapRedirect redirect;

  @BeforeEach
  void startTapEndpoint() {
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration();
    inbox = StatusCallbackEndpoint.inbox(configuration);
    StatusTables.empty(configuration.getDataSource());
    TRACKING.forEach(TestConfig::set);
    redirect = TapEndpoint.forEngine(engine.getProcessEngine(), TRACKING::get);
  }

  @AfterEach
  void stopTapEndpoint() {
    redirect.close();
  }

  @Test
  void aTapEndsAWaitForTappedAndTheCustomerLandsOnTheOriginalPage() {
    deploy(model("TAPPED", false));
    ProcessInstance instance = start();
    assertThat(ended(instance)).isFalse();

    TapRedirect.Answer answer = tap(instance, PHONE);

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).isEqualTo(ORIGINAL);
    assertThat(inbox.statusesOf(messageId(instance))).as("stored before the answer")
        .extracting(StatusEvent::status).containsExactly(DeliveryStatus.TAPPED);
    await(() -> ended(instance));
    assertThat(passed(instance, "confirmedByTap")).isTrue();
    assertThat(variable(instance, StatusWait.STATUS)).isEqualTo("TAPPED");
    assertThat((Date) variable(instance, StatusWait.STATUS_TIME)).isCloseTo(new Date(), 60_000);
  }

  @Test
  void aTapEndsAWaitForReadToo() {
    deploy(model("READ", false));
    ProcessInstance instance = start();

    tap(instance, PHONE);

    await(() -> ended(instance));
    assertThat(passed(instance, "confirmedByTap")).isTrue();
    assertThat(variable(instance, StatusWait.STATUS)).as("a tap proves the message was read").isEqualTo("TAPPED");
  }

  @Test
  void readDoesNotEndAWaitForTapped() {
    deploy(model("TAPPED", false));
    ProcessInstance instance = start();

    inbox.accept(List.of(new StatusEvent(List.of(messageId(instance)), DeliveryStatus.READ, Instant.now(), null,
        null, null, null, null)));
    int ended = new StatusCorrelator(configuration, inbox).correlate(List.of(messageId(instance)));

    assertThat(ended).isZero();
    assertThat(ended(instance)).isFalse();
  }

  @Test
  void aTapBeforeTheWaitIsReachedEndsItAsSoonAsItIsReached() {
    deploy(model("TAPPED", true));
    ProcessInstance instance = start();

    assertThat(tap(instance, PHONE).status()).isEqualTo(302);
    assertThat(inbox.statusesOf(messageId(instance))).extracting(StatusEvent::status)
        .containsExactly(DeliveryStatus.TAPPED);
    assertThat(ended(instance)).isFalse();
    runtime.signal(runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId("review")
        .singleResult().getId());

    assertThat(ended(instance)).as("ended right after the wait's commit").isTrue();
    assertThat(passed(instance, "confirmedByTap")).isTrue();
    assertThat(variable(instance, StatusWait.STATUS)).isEqualTo("TAPPED");
  }

  @Test
  void aTapAfterTheProcessEndedStillRedirectsAndIsRecorded() {
    deploy(model("TAPPED", false));
    ProcessInstance instance = start();
    String messageId = messageId(instance);
    String token = token(instance);
    runtime.deleteProcessInstance(instance.getId(), "journey closed");

    try (CapturedLogs logs = new CapturedLogs()) {
      TapRedirect.Answer answer = redirect.answer("GET", token, PHONE);

      assertThat(answer.status()).isEqualTo(302);
      assertThat(answer.location()).isEqualTo(ORIGINAL);
      assertThat(inbox.statusesOf(messageId)).extracting(StatusEvent::status).containsExactly(DeliveryStatus.TAPPED);
      await(() -> logs.lines().stream().anyMatch(line -> line.contains("KCTA-132")));
      assertThat(logs.lines()).anyMatch(line -> line.contains("KCTA-132 TAPPED for messageId=" + messageId
          + " after its process ended"));
    }
    assertThat(store().find(linkId(token)).orElseThrow().taps()).isEqualTo(1);
  }

  @Test
  void laterTapsAreCountedButTheFirstOneCounts() {
    deploy(model("TAPPED", false));
    ProcessInstance instance = start();
    String token = token(instance);

    redirect.answer("GET", token, PHONE);
    await(() -> ended(instance));
    Date endedBy = (Date) variable(instance, StatusWait.STATUS_TIME);
    TapRedirect.Answer again = redirect.answer("GET", token, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0");

    assertThat(again.status()).isEqualTo(302);
    assertThat(again.location()).isEqualTo(ORIGINAL);
    TrackedLink link = store().find(linkId(token)).orElseThrow();
    assertThat(link.taps()).isEqualTo(2);
    assertThat(link.firstTapAgent()).isEqualTo(UserAgentClass.MOBILE_BROWSER);
    assertThat(Date.from(link.firstTapAt())).isEqualTo(endedBy);
    assertThat(inbox.statusesOf(messageId(instance))).singleElement()
        .satisfies(tapped -> assertThat(Date.from(tapped.time())).isEqualTo(endedBy));
  }

  @Test
  void previewsAndHeadRequestsRedirectWithoutEndingTheWait() {
    deploy(model("TAPPED", false));
    ProcessInstance instance = start();
    String token = token(instance);

    TapRedirect.Answer preview = redirect.answer("GET", token, "WhatsApp/2.24.1.6 A");
    TapRedirect.Answer head = redirect.answer("HEAD", token, PHONE);

    assertThat(preview.status()).isEqualTo(302);
    assertThat(head.location()).isEqualTo(ORIGINAL);
    assertThat(store().find(linkId(token)).orElseThrow().taps()).isZero();
    assertThat(inbox.statusesOf(messageId(instance))).isEmpty();
    assertThat(ended(instance)).isFalse();
  }

  @Test
  void aForgedOrAlteredTokenGetsAPlain404AndEndsNothing() {
    deploy(model("TAPPED", false));
    ProcessInstance instance = start();
    String token = token(instance);
    String altered = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);
    String otherKey = new TapToken("another-key-0123456789-abcdefghijklmnop").sign(linkId(token));

    for (String forged : List.of(altered, otherKey, "..%2F..%2Fevil.example.com", "")) {
      TapRedirect.Answer answer = redirect.answer("GET", forged, PHONE);
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.location()).isNull();
      assertThat(answer.body()).isEqualTo("This link is not valid.\n");
    }
    assertThat(store().find(linkId(token)).orElseThrow().taps()).isZero();
    assertThat(ended(instance)).isFalse();
  }

  @Test
  void aLinkWorksOnAnotherNodeAndAfterARestart() {
    deploy(model("TAPPED", false));
    ProcessInstance instance = start();
    // another node, or this one restarted: nothing shared with the sender but the database
    EngineDatabase database = EngineDatabase.of(configuration);
    JdbcTapStore fresh = new JdbcTapStore(database.dataSource(), database.outsideTransaction(), Duration.ofDays(90),
        Clock.systemUTC());
    TapCorrelator tapped = new TappedStatus(inbox, new StatusCorrelator(configuration, inbox),
        io.kaleyracta.connector.engine.EngineLedger.of(configuration), id -> true);

    try (TapRedirect otherNode = new TapRedirect(TrackingConfig.from(TRACKING::get), fresh,
        new TapCorrelation(fresh, tapped), Clock.systemUTC())) {
      TapRedirect.Answer answer = otherNode.answer("GET", token(instance), PHONE);

      assertThat(answer.status()).isEqualTo(302);
      assertThat(answer.location()).isEqualTo(ORIGINAL);
      await(() -> ended(instance));
    }
    assertThat(variable(instance, StatusWait.STATUS)).isEqualTo("TAPPED");
  }

  private JdbcTapStore store() {
    return (JdbcTapStore) EngineTapStore.of(configuration, Duration.ofDays(90));
  }

  private ProcessInstance start() {
    return runtime.startProcessInstanceByKey(PROCESS, Map.of("recipient", "+919812345678"));
  }

  private String messageId(ProcessInstance instance) {
    return (String) variable(instance, "kaleyraMessageId");
  }

  /** The token in the button of the message this instance sent. */
  private String token(ProcessInstance instance) {
    String messageId = messageId(instance);
    AcceptedMessage message = sandbox.accepted().stream().filter(m -> m.messageId().equals(messageId)).findFirst()
        .orElseThrow();
    String url = message.buttonUrl();
    assertThat(url).startsWith(BASE + TrackingConfig.PATH);
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static String linkId(String token) {
    return new TapToken(KEY).verify(token).orElseThrow();
  }

  /** The customer taps the button of the message this instance sent. */
  private TapRedirect.Answer tap(ProcessInstance instance, String userAgent) {
    return redirect.answer("GET", token(instance), userAgent);
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** send (Track taps on) -> [review] -> wait for the status (1 h) -> "Confirmed by tap" / "No tap". */
  private static BpmnModelInstance model(String statuses, boolean reviewFirst) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("send").camundaClass(SendWhatsAppCtaDelegate.class.getName())
        .camundaInputParameter("recipient", "${recipient}")
        .camundaInputParameter("bodyText", "Please confirm your appointment tomorrow at 10:00.")
        .camundaInputParameter("buttonText", "Confirm")
        .camundaInputParameter("buttonUrl", ORIGINAL)
        .camundaInputParameter("trackTaps", "true")
        .camundaOutputParameter("kaleyraMessageId", "${messageId}");
    if (reviewFirst) {
      flow = flow.receiveTask("review");
    }
    return flow.receiveTask("wait").name("Wait for the tap")
        .camundaInputParameter(StatusWait.MESSAGE_ID, "${kaleyraMessageId}")
        .camundaInputParameter(StatusWait.STATUSES, statuses)
        .camundaExecutionListenerClass("start", StatusWaitListener.class.getName())
        .endEvent("confirmedByTap").name("Confirmed by tap")
        .moveToActivity("wait")
        .boundaryEvent("deadline").timerWithDuration("PT1H").endEvent("noTap")
        .done();
  }
}
