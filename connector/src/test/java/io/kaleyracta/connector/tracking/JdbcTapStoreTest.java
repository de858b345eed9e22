package io.kaleyracta.connector.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.ledger.ConnectorSchema;
import io.kaleyracta.connector.ledger.OutsideTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tracked links' table on H2, created by the connector's schema mechanism from the SQL file the jar ships. */
class JdbcTapStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
  private JdbcDataSource dataSource;
  private JdbcTapStore store;

  @BeforeEach
  void createTable() {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:taps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new ConnectorSchema(dataSource, "h2", OutsideTransaction.NONE).ensure(true);
    store = new JdbcTapStore(dataSource, OutsideTransaction.NONE, Duration.ofDays(90),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void keepsTheOriginalUrlByteForByteAndTheMessageId() {
    String url = "https://shop.example.com/offer?c=42&q=a%20b&name=Zoë#section-2";
    store.register(TrackedLink.created("AAAAAAAAAAAAAAAA", url, NOW));
    store.messageAccepted("AAAAAAAAAAAAAAAA", "msg-1");

    TrackedLink link = store.find("AAAAAAAAAAAAAAAA").orElseThrow();

    assertThat(link.originalUrl()).isEqualTo(url);
    assertThat(link.messageId()).isEqualTo("msg-1");
    assertThat(link.createdAt()).isEqualTo(NOW);
    assertThat(link.taps()).isZero();
    assertThat(store.find("BBBBBBBBBBBBBBBB")).isEmpty();
  }

  @Test
  void countsTapsKeepingTheFirstOnesTimeAndClient() {
    store.register(TrackedLink.created("AAAAAAAAAAAAAAAA", "https://example.com", NOW));

    TrackedLink first = store.recordTap("AAAAAAAAAAAAAAAA", NOW.plusSeconds(5), UserAgentClass.MOBILE_BROWSER)
        .orElseThrow();
    TrackedLink second = store.recordTap("AAAAAAAAAAAAAAAA", NOW.plusSeconds(9), UserAgentClass.DESKTOP_BROWSER)
        .orElseThrow();

    assertThat(first.firstTap()).isTrue();
    assertThat(second.firstTap()).isFalse();
    assertThat(second.taps()).isEqualTo(2);
    assertThat(second.firstTapAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(second.lastTapAt()).isEqualTo(NOW.plusSeconds(9));
    assertThat(second.firstTapAgent()).isEqualTo(UserAgentClass.MOBILE_BROWSER);
    assertThat(store.recordTap("BBBBBBBBBBBBBBBB", NOW, UserAgentClass.OTHER)).isEmpty();
  }

  @Test
  void ofSimultaneousTapsExactlyOneIsTheFirst() throws Exception {
    store.register(TrackedLink.created("AAAAAAAAAAAAAAAA", "https://example.com", NOW));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> firsts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      firsts.add(threads.submit(() -> {
        start.await();
        return store.recordTap("AAAAAAAAAAAAAAAA", NOW, UserAgentClass.MOBILE_BROWSER).orElseThrow().firstTap();
      }));
    }
    start.countDown();
    int first = 0;
    for (Future<Boolean> result : firsts) {
      first += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    threads.shutdown();

    assertThat(first).isEqualTo(1);
    assertThat(store.find("AAAAAAAAAAAAAAAA").orElseThrow().taps()).isEqualTo(40);
  }

  @Test
  void forgetsLinksAfterTheRetention() {
    store.register(TrackedLink.created("OLDOLDOLDOLDOLD0", "https://example.com/old", NOW.minus(Duration.ofDays(91))));
    store.register(TrackedLink.created("NEWNEWNEWNEWNEW0", "https://example.com/new", NOW.minus(Duration.ofDays(89))));

    assertThat(store.find("OLDOLDOLDOLDOLD0")).isEmpty();
    assertThat(store.recordTap("OLDOLDOLDOLDOLD0", NOW, UserAgentClass.MOBILE_BROWSER)).isEmpty();
    assertThat(store.find("NEWNEWNEWNEWNEW0")).isPresent();
    assertThat(rows()).as("the first registration of the hour deleted the expired link").isEqualTo(1);
    store.register(TrackedLink.created("OLDOLDOLDOLDOLD1", "https://example.com/old", NOW.minus(Duration.ofDays(91))));
    assertThat(rows()).as("the next purge is due in an hour").isEqualTo(2);
    assertThat(store.purgeCreatedBefore(NOW.minus(Duration.ofDays(90)))).isEqualTo(1);
  }

  private int rows() {
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
        var result = statement.executeQuery("select count(*) from KCTA_TAP_LINK")) {
      result.next();
      return result.getInt(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
