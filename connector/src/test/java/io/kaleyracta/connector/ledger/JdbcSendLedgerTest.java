package io.kaleyracta.connector.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC ledger on a real H2 database (the PostgreSQL run of the same checks is in cluster-tests). */
class JdbcSendLedgerTest {

  private static final Origin ORIGIN = new Origin("pi-1", "sendCta", "order-1", "tenant-a", "job-1");

  private JdbcDataSource dataSource;
  private JdbcSendLedger ledger;

  @BeforeEach
  void freshDatabase() {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new ConnectorSchema(dataSource, "h2", OutsideTransaction.NONE).ensure(true);
    ledger = new JdbcSendLedger(dataSource, OutsideTransaction.NONE, Duration.ofDays(30), Clock.systemUTC());
  }

  @Test
  void theFirstClaimWinsAndASecondFindsItInFlightWithItsStartTime() {
    Instant before = Instant.now().minusMillis(5);

    assertThat(ledger.claim(new Delivery("job-1/sendCta/abc#1", ORIGIN))).isEmpty();
    LedgerEntry earlier = ledger.claim(new Delivery("job-1/sendCta/abc#1", ORIGIN)).orElseThrow();

    assertThat(earlier.state()).isEqualTo(LedgerEntry.State.IN_FLIGHT);
    assertThat(earlier.startedAt()).isBetween(before, Instant.now().plusMillis(5));
    assertThat(earlier.completedAt()).isNull();
    assertThat(earlier.origin()).isEqualTo(ORIGIN);
    assertThat(earlier.node()).contains("/" + ProcessHandle.current().pid());
  }

  @Test
  void ofManyConcurrentClaimsOfOneDeliveryExactlyOneWins() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Optional<LedgerEntry>>> claims = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Callable<Optional<LedgerEntry>> claim = () -> {
          start.await();
          return ledger.claim(new Delivery("contested#1", ORIGIN));
        };
        claims.add(threads.submit(claim));
      }
      start.countDown();
      int won = 0;
      for (Future<Optional<LedgerEntry>> claim : claims) {
        won += claim.get().isEmpty() ? 1 : 0;
      }
      assertThat(won).isOne();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anAcceptedDeliveryGivesBackItsMessageIdAndItsSender() {
    ledger.claim(new Delivery("k#1", ORIGIN));
    ledger.complete("k#1", Completion.accepted("SBX-42"));

    LedgerEntry again = ledger.claim(new Delivery("k#1", ORIGIN)).orElseThrow();
    assertThat(again.state()).isEqualTo(LedgerEntry.State.ACCEPTED);
    assertThat(again.messageId()).isEqualTo("SBX-42");
    assertThat(again.completedAt()).isNotNull();

    LedgerEntry sent = ledger.findByMessageId("SBX-42").orElseThrow();
    assertThat(sent.origin()).isEqualTo(ORIGIN);
    assertThat(ledger.findByMessageId("SBX-43")).isEmpty();
  }

  @Test
  void anUnknownOutcomeKeepsItsReason() {
    ledger.claim(new Delivery("k#1", ORIGIN));
    ledger.complete("k#1", Completion.unknown("Kaleyra did not answer in time " + "x".repeat(2000)));

    LedgerEntry again = ledger.claim(new Delivery("k#1", ORIGIN)).orElseThrow();
    assertThat(again.state()).isEqualTo(LedgerEntry.State.UNKNOWN);
    assertThat(again.error()).startsWith("Kaleyra did not answer in time").hasSize(1000);
  }

  @Test
  void aReleasedClaimMayBeClaimedAgainButACompletedOneIsNeverReleased() {
    ledger.claim(new Delivery("k#1", ORIGIN));
    ledger.release("k#1");
    assertThat(ledger.claim(new Delivery("k#1", ORIGIN))).isEmpty();

    ledger.complete("k#1", Completion.accepted("SBX-1"));
    ledger.release("k#1");
    assertThat(ledger.claim(new Delivery("k#1", ORIGIN))).isPresent();
  }

  @Test
  void keysOfAnyLengthAreStoredAsTheirHash() throws SQLException {
    String longKey = "job/" + "x".repeat(500) + "#1";
    ledger.claim(new Delivery(longKey, ORIGIN));

    assertThat(ledger.claim(new Delivery(longKey, ORIGIN))).isPresent();
    assertThat(column("DELIVERY_KEY_")).containsExactly(Fingerprint.of(longKey));
  }

  @Test
  void purgeDeletesOnlyEntriesStartedBeforeTheCutoff() {
    MovableClock clock = new MovableClock();
    JdbcSendLedger timed = new JdbcSendLedger(dataSource, OutsideTransaction.NONE, Duration.ofDays(30), clock);
    timed.claim(new Delivery("old#1", ORIGIN));
    clock.now = clock.now.plus(Duration.ofDays(10));
    timed.claim(new Delivery("new#1", ORIGIN));

    assertThat(timed.purgeStartedBefore(clock.now.minus(Duration.ofDays(5)))).isOne();
    assertThat(timed.claim(new Delivery("old#1", ORIGIN))).isEmpty();
    assertThat(timed.claim(new Delivery("new#1", ORIGIN))).isPresent();
  }

  @Test
  void entriesOlderThanTheRetentionAreDeletedByTheNextClaimAfterAnHour() {
    MovableClock clock = new MovableClock();
    JdbcSendLedger timed = new JdbcSendLedger(dataSource, OutsideTransaction.NONE, Duration.ofDays(30), clock);
    timed.claim(new Delivery("first#1", ORIGIN)); // the first claim runs the cleanup (nothing to delete)
    clock.now = clock.now.plus(Duration.ofDays(31));

    timed.claim(new Delivery("second#1", ORIGIN));

    assertThat(timed.claim(new Delivery("first#1", ORIGIN))).isEmpty();
  }

  @Test
  void aClaimThatCannotBeWrittenFailsAndSaysNothingWasSent() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("drop table KCTA_SEND_LEDGER");
    }

    assertThatThrownBy(() -> ledger.claim(new Delivery("k#1", ORIGIN)))
        .isInstanceOf(LedgerUnavailableException.class)
        .hasMessageContaining("KCTA_SEND_LEDGER").hasMessageContaining("nothing was sent");
  }

  private List<String> column(String name) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select " + name + " from KCTA_SEND_LEDGER")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
