package io.kaleyracta.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.ledger.Completion;
import io.kaleyracta.connector.ledger.ConnectorSchema;
import io.kaleyracta.connector.ledger.ConnectorSchemaException;
import io.kaleyracta.connector.ledger.ConnectorTables;
import io.kaleyracta.connector.ledger.Delivery;
import io.kaleyracta.connector.ledger.JdbcSendLedger;
import io.kaleyracta.connector.ledger.LedgerEntry;
import io.kaleyracta.connector.ledger.Origin;
import io.kaleyracta.connector.ledger.OutsideTransaction;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger and the schema mechanism on a real PostgreSQL: lower-case identifiers, its own duplicate-key state. */
class PostgresLedgerTest {

  private static final Origin ORIGIN = new Origin("pi-1", "sendCta", "order-1", null, "job-1");

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    dataSource = postgres.getPostgresDatabase();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void theSchemaIsCheckedThenCreatedThenFound() throws Exception {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("drop table if exists KCTA_SEND_LEDGER");
    }
    ConnectorSchema schema = new ConnectorSchema(dataSource, "postgres", OutsideTransaction.NONE);

    assertThatThrownBy(() -> schema.ensure(false)).isInstanceOf(ConnectorSchemaException.class)
        .hasMessageContaining("run META-INF/kaleyra-cta/sql/postgres/kcta_send_ledger.create.sql");
    schema.ensure(true);
    schema.ensure(false);

    assertThat(schema.isPresent(ConnectorTables.SEND_LEDGER)).isTrue();
  }

  @Test
  void ofConcurrentClaimsExactlyOneWinsAndTheOthersSeeItInFlight() throws Exception {
    new ConnectorSchema(dataSource, "postgres", OutsideTransaction.NONE).ensure(true);
    JdbcSendLedger ledger = new JdbcSendLedger(dataSource, OutsideTransaction.NONE, Duration.ofDays(30),
        Clock.systemUTC());
    String key = "job/race-" + System.nanoTime() + "#1";
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Optional<LedgerEntry>>> claims = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        claims.add(threads.submit(() -> {
          go.await();
          return ledger.claim(new Delivery(key, ORIGIN));
        }));
      }
      go.countDown();
      int won = 0;
      for (Future<Optional<LedgerEntry>> claim : claims) {
        Optional<LedgerEntry> earlier = claim.get();
        if (earlier.isEmpty()) {
          won++;
        } else {
          assertThat(earlier.get().state()).isEqualTo(LedgerEntry.State.IN_FLIGHT);
        }
      }
      assertThat(won).isOne();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anAcceptedMessageIsFoundByItsIdWithItsSenderAndTimesInUtc() throws Exception {
    new ConnectorSchema(dataSource, "postgres", OutsideTransaction.NONE).ensure(true);
    JdbcSendLedger ledger = new JdbcSendLedger(dataSource, OutsideTransaction.NONE, Duration.ofDays(30),
        Clock.systemUTC());
    String key = "job/accepted-" + System.nanoTime() + "#1";
    Instant before = Instant.now().minusSeconds(1);
    ledger.claim(new Delivery(key, ORIGIN));
    ledger.complete(key, Completion.accepted("PG-" + key));

    LedgerEntry sent = ledger.findByMessageId("PG-" + key).orElseThrow();

    assertThat(sent.origin()).isEqualTo(ORIGIN);
    assertThat(sent.startedAt()).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(sent.completedAt()).isAfterOrEqualTo(sent.startedAt());
  }
}
