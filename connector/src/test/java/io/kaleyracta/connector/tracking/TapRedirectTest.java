package io.kaleyracta.connector.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TapRedirectTest {

  private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
      + "Chrome/124.0 Mobile Safari/537.36";
  private static final TrackingConfig CONFIG = TrackingConfig.from(Map.of(
      TrackingConfig.BASE_URL, "https://journeys.example.com",
      TrackingConfig.KEY, TapTokenTest.KEY)::get);
  private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

  private final InMemoryTapStore store = new InMemoryTapStore(1000, Duration.ofDays(90), Clock.fixed(NOW, ZoneOffset.UTC));
  private final TapLinks links = new TapLinks(CONFIG, store, Clock.fixed(NOW, ZoneOffset.UTC));
  /** What the correlator was asked, in order; answers come from {@link #answers}, then CORRELATED. */
  private final List<String> correlated = Collections.synchronizedList(new ArrayList<>());
  private final List<TapCorrelator.Result> answers = Collections.synchronizedList(new ArrayList<>());
  private final TapCorrelation correlation = new TapCorrelation(store, link -> {
    correlated.add(link.messageId());
    return answers.isEmpty() ? TapCorrelator.Result.CORRELATED : answers.remove(0);
  }, Duration.ofMillis(10));
  private final TapRedirect redirect = new TapRedirect(CONFIG, store, correlation, Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void stop() {
    correlation.close();
  }

  private static String token(TapLinks.Link link) {
    return link.trackedUrl().substring(link.trackedUrl().lastIndexOf('/') + 1);
  }

  private TapLinks.Link sent(String originalUrl, String messageId) {
    TapLinks.Link link = links.create(originalUrl);
    links.accepted(link, messageId);
    return link;
  }

  private void awaitCorrelations(int count) throws InterruptedException {
    for (int i = 0; i < 200 && correlated.size() < count; i++) {
      Thread.sleep(10);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://shop.example.com/offer",
      "https://shop.example.com/offer?c=42&utm_source=whatsapp&q=a%20b&empty=&x=%2F#section-2",
      "HTTP://127.0.0.1:8080/Path/With/Case?A=1;b=2#frag?with=query",
      "https://user@example.com/x?redirect=https%3A%2F%2Fother.example.com%2F"})
  void redirectsToTheOriginalUrlByteForByte(String originalUrl) {
    TapLinks.Link link = sent(originalUrl, "msg-1");

    TapRedirect.Answer answer = redirect.answer("GET", token(link), PHONE);

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).isEqualTo(originalUrl);
    assertThat(answer.headers()).containsEntry("Cache-Control", "no-store")
        .containsEntry("Referrer-Policy", "no-referrer");
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void percentEncodesOnlyCharactersAHeaderCannotCarry() {
    TapLinks.Link link = sent("https://example.com/café?name=Zoë#ü", "msg-1");

    assertThat(redirect.answer("GET", token(link), PHONE).location())
        .isEqualTo("https://example.com/caf%C3%A9?name=Zo%C3%AB#%C3%BC");
  }

  @Test
  void theTrackingLinkCarriesNeitherTheUrlNorAnythingPersonal() {
    TapLinks.Link link = sent("https://shop.example.com/offer?customer=+919812345678", "msg-1");

    assertThat(link.trackedUrl()).matches("https://journeys\\.example\\.com/kaleyra/t/[A-Za-z0-9_-]{32}")
        .doesNotContain("shop").doesNotContain("9812345678");
  }

  @Test
  void theFirstTapCountsAndIsCorrelatedLaterTapsAreCountedWithoutTriggeringAgain() throws Exception {
    TapLinks.Link link = sent("https://shop.example.com/offer", "msg-1");

    for (int i = 0; i < 3; i++) {
      assertThat(redirect.answer("GET", token(link), PHONE).status()).isEqualTo(302);
    }
    awaitCorrelations(1);
    Thread.sleep(100); // room for a wrong second correlation to show up

    assertThat(correlated).containsExactly("msg-1");
    TrackedLink stored = store.find(link.id()).orElseThrow();
    assertThat(stored.taps()).isEqualTo(3);
    assertThat(stored.firstTapAt()).isEqualTo(NOW);
    assertThat(stored.firstTapAgent()).isEqualTo(UserAgentClass.MOBILE_BROWSER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"WhatsApp/2.23.20.0 A", "facebookexternalhit/1.1", "Slackbot-LinkExpanding 1.0",
      "TelegramBot (like TwitterBot)", ""})
  void linkPreviewsAreRedirectedWithoutCounting(String previewAgent) throws Exception {
    TapLinks.Link link = sent("https://shop.example.com/offer?x=1", "msg-1");

    TapRedirect.Answer answer = redirect.answer("GET", token(link), previewAgent);

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).isEqualTo("https://shop.example.com/offer?x=1");
    assertThat(store.find(link.id()).orElseThrow().taps()).isZero();
    Thread.sleep(50);
    assertThat(correlated).isEmpty();
  }

  @Test
  void headRequestsAreRedirectedWithoutCounting() {
    TapLinks.Link link = sent("https://shop.example.com/offer", "msg-1");

    TapRedirect.Answer answer = redirect.answer("HEAD", token(link), PHONE);

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).isEqualTo("https://shop.example.com/offer");
    assertThat(store.find(link.id()).orElseThrow().taps()).isZero();
  }

  @Test
  void aValidlySignedTokenForALinkNobodyStoredIsNotFound() {
    String unknown = new TapToken(TapTokenTest.KEY).sign(TapToken.newLinkId());

    assertNotFound(redirect.answer("GET", unknown, PHONE));
  }

  @Test
  void aForgedOrAlteredTokenIsNotFoundAndNeverRedirects() {
    TapLinks.Link link = sent("https://shop.example.com/offer", "msg-1");
    String token = token(link);
    String foreignKey = new TapToken("another-key-0123456789-abcdefghijklmnopqrstu").sign(link.id());

    assertNotFound(redirect.answer("GET", foreignKey, PHONE));
    assertNotFound(redirect.answer("GET", token.substring(0, 31) + (token.charAt(31) == 'A' ? 'B' : 'A'), PHONE));
    assertNotFound(redirect.answer("GET", token + "/https://evil.example.com", PHONE));
    assertNotFound(redirect.answer("GET", "https://evil.example.com", PHONE));
    assertNotFound(redirect.answer("GET", "", PHONE));
    assertThat(store.find(link.id()).orElseThrow().taps()).isZero();
  }

  @Test
  void answersNotFoundToEverythingWhenTrackingIsNotConfigured() {
    TapLinks.Link link = sent("https://shop.example.com/offer", "msg-1");
    TapRedirect unconfigured = new TapRedirect(TrackingConfig.from(key -> null), store, correlation, Clock.systemUTC());

    assertNotFound(unconfigured.answer("GET", token(link), PHONE));
  }

  @Test
  void refusesOtherMethods() {
    TapLinks.Link link = sent("https://shop.example.com/offer", "msg-1");

    TapRedirect.Answer answer = redirect.answer("POST", token(link), PHONE);

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.headers()).containsEntry("Allow", "GET, HEAD").doesNotContainKey("Location");
    assertThat(store.find(link.id()).orElseThrow().taps()).isZero();
  }

  @Test
  void aTapBeforeTheSendsAcceptanceIsCorrelatedOnceTheMessageIdIsKnown() throws Exception {
    TapLinks.Link link = links.create("https://shop.example.com/offer");

    assertThat(redirect.answer("GET", token(link), PHONE).status()).isEqualTo(302);
    Thread.sleep(50);
    assertThat(correlated).isEmpty();
    links.accepted(link, "msg-late");
    awaitCorrelations(1);

    assertThat(correlated).containsExactly("msg-late");
  }

  @Test
  void retriesTheCorrelationUntilItSucceeds() throws Exception {
    answers.addAll(List.of(TapCorrelator.Result.NOT_YET, TapCorrelator.Result.NOT_YET));
    TapLinks.Link link = sent("https://shop.example.com/offer", "msg-busy");

    redirect.answer("GET", token(link), PHONE);
    awaitCorrelations(3);
    Thread.sleep(100);

    assertThat(correlated).containsExactly("msg-busy", "msg-busy", "msg-busy");
  }

  @Test
  void retriesAfterAnExceptionAndStopsOnceTheProcessHasEnded() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    TapCorrelation failingFirst = new TapCorrelation(store, link -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("engine busy");
      }
      return TapCorrelator.Result.PROCESS_ENDED;
    }, Duration.ofMillis(10));
    TapRedirect withEndedProcess = new TapRedirect(CONFIG, store, failingFirst, Clock.systemUTC());
    TapLinks.Link link = sent("https://shop.example.com/offer", "msg-ended");
    try {
      TapRedirect.Answer answer = withEndedProcess.answer("GET", token(link), PHONE);
      for (int i = 0; i < 200 && calls.get() < 2; i++) {
        Thread.sleep(10);
      }
      Thread.sleep(100);

      assertThat(answer.status()).as("a tap for an ended process still redirects").isEqualTo(302);
      assertThat(calls).hasValue(2);
    } finally {
      failingFirst.close();
    }
  }

  @Test
  void answersWithoutWaitingForABlockedEngine() throws Exception {
    CountDownLatch engineFree = new CountDownLatch(1);
    TapCorrelation blocked = new TapCorrelation(store, link -> {
      try {
        engineFree.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return TapCorrelator.Result.CORRELATED;
    }, Duration.ofMillis(10));
    TapRedirect busy = new TapRedirect(CONFIG, store, blocked, Clock.systemUTC());
    TapLinks.Link first = sent("https://shop.example.com/a", "msg-a");
    TapLinks.Link second = sent("https://shop.example.com/b", "msg-b");
    try {
      // would never return if the answer waited for the correlation
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        assertThat(busy.answer("GET", token(first), PHONE).location()).isEqualTo("https://shop.example.com/a");
        assertThat(busy.answer("GET", token(second), PHONE).location()).isEqualTo("https://shop.example.com/b");
      });
      assertThat(engineFree.getCount()).as("the correlation is still blocked").isEqualTo(1);
    } finally {
      engineFree.countDown();
      blocked.close();
    }
  }

  @Test
  void ofManySimultaneousTapsExactlyOneIsTheFirst() throws Exception {
    TapLinks.Link link = sent("https://shop.example.com/offer", "msg-race");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      statuses.add(threads.submit(() -> {
        start.await();
        return redirect.answer("GET", token(link), PHONE).status();
      }));
    }
    start.countDown();
    for (Future<Integer> status : statuses) {
      assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(302);
    }
    threads.shutdown();
    awaitCorrelations(1);
    Thread.sleep(100);

    assertThat(store.find(link.id()).orElseThrow().taps()).isEqualTo(40);
    assertThat(correlated).containsExactly("msg-race");
  }

  private static void assertNotFound(TapRedirect.Answer answer) {
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.location()).isNull();
    assertThat(answer.headers()).containsEntry("Content-Type", "text/plain; charset=utf-8");
    assertThat(answer.body()).isEqualTo("This link is not valid.\n");
  }
}
