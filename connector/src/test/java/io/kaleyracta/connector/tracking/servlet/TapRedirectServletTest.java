package io.kaleyracta.connector.tracking.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.connector.tracking.InMemoryTapStore;
import io.kaleyracta.connector.tracking.TapCorrelation;
import io.kaleyracta.connector.tracking.TapCorrelator;
import io.kaleyracta.connector.tracking.TapLinks;
import io.kaleyracta.connector.tracking.TapRedirect;
import io.kaleyracta.connector.tracking.TrackingConfig;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The thin servlet adapter in a real servlet container (embedded Tomcat), spoken to over HTTP. */
class TapRedirectServletTest {

  private static final String KEY = "servlet-test-key-0123456789-abcdefghijklmn";
  private static final String ORIGINAL = "https://shop.example.com/offer?c=42&utm_source=wa&q=a%20b#section-2";
  private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148";

  private static Tomcat tomcat;
  private static String base;
  private static InMemoryTapStore store;
  private static TapLinks links;
  private static TapCorrelation correlation;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startTomcat() throws Exception {
    File work = Files.createTempDirectory("tap-servlet-tomcat").toFile();
    tomcat = new Tomcat();
    tomcat.setBaseDir(work.getAbsolutePath());
    tomcat.setPort(0);
    tomcat.getConnector();
    Context context = tomcat.addContext("", work.getAbsolutePath());
    TrackingConfig config = TrackingConfig.from(Map.of(TrackingConfig.BASE_URL, "http://127.0.0.1",
        TrackingConfig.KEY, KEY)::get);
    store = new InMemoryTapStore(100, Duration.ofDays(1), Clock.systemUTC());
    links = new TapLinks(config, store, Clock.systemUTC());
    correlation = new TapCorrelation(store, TapCorrelator.NONE);
    Tomcat.addServlet(context, "tap", new TapRedirectServlet(new TapRedirect(config, store, correlation,
        Clock.systemUTC())));
    context.addServletMappingDecoded(TapRedirectServlet.MAPPING, "tap");
    Tomcat.addServlet(context, "unconfigured", new TapRedirectServlet());
    context.addServletMappingDecoded("/unconfigured" + TapRedirectServlet.MAPPING, "unconfigured");
    tomcat.start();
    base = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
  }

  @AfterAll
  static void stopTomcat() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    correlation.close();
  }

  @AfterEach
  void clearConfig() {
    TestConfig.clear();
  }

  private HttpResponse<String> send(String method, String path, String userAgent) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (userAgent != null) {
      request.header("User-Agent", userAgent);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String path(TapLinks.Link link) {
    return URI.create(link.trackedUrl()).getRawPath();
  }

  @Test
  void redirectsATapWith302ToTheOriginalUrlByteForByte() throws Exception {
    TapLinks.Link link = links.create(ORIGINAL);
    links.accepted(link, "msg-servlet");

    HttpResponse<String> response = send("GET", path(link), PHONE);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().allValues("Location")).containsExactly(ORIGINAL);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(store.find(link.id()).orElseThrow().taps()).isEqualTo(1);
  }

  @Test
  void redirectsHeadAndLinkPreviewsWithoutCounting() throws Exception {
    TapLinks.Link link = links.create(ORIGINAL);

    HttpResponse<String> head = send("HEAD", path(link), PHONE);
    HttpResponse<String> preview = send("GET", path(link), "WhatsApp/2.23.20.0 A");

    assertThat(head.statusCode()).isEqualTo(302);
    assertThat(head.headers().firstValue("Location")).contains(ORIGINAL);
    assertThat(preview.statusCode()).isEqualTo(302);
    assertThat(preview.headers().firstValue("Location")).contains(ORIGINAL);
    assertThat(store.find(link.id()).orElseThrow().taps()).isZero();
  }

  @Test
  void answersAForgedTokenWithAPlain404AndNoRedirect() throws Exception {
    TapLinks.Link link = links.create(ORIGINAL);
    String forged = path(link).substring(0, path(link).length() - 1) + (path(link).endsWith("A") ? "B" : "A");

    for (String target : new String[] {forged, TrackingConfig.PATH + "https:evil.example.com",
        TrackingConfig.PATH, TrackingConfig.PATH + "x/y"}) {
      HttpResponse<String> response = send("GET", target, PHONE);
      assertThat(response.statusCode()).as(target).isEqualTo(404);
      assertThat(response.headers().firstValue("Location")).as(target).isEmpty();
      assertThat(response.headers().firstValue("Content-Type")).as(target).contains("text/plain;charset=utf-8");
      assertThat(response.body()).as(target).isEqualTo("This link is not valid.\n");
    }
  }

  @Test
  void refusesOtherMethods() throws Exception {
    TapLinks.Link link = links.create(ORIGINAL);

    HttpResponse<String> response = send("POST", path(link), PHONE);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(store.find(link.id()).orElseThrow().taps()).isZero();
  }

  @Test
  void theNoArgumentServletFailsClosedWithoutConfiguration() throws Exception {
    TapLinks.Link link = links.create(ORIGINAL);

    HttpResponse<String> response = send("GET", "/unconfigured" + path(link), PHONE);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }
}
