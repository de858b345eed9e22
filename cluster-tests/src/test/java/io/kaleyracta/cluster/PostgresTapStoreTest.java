package io.kaleyracta.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.ledger.ConnectorSchema;
import io.kaleyracta.connector.ledger.ConnectorTables;
import io.kaleyracta.connector.ledger.OutsideTransaction;
import io.kaleyracta.connector.tracking.JdbcTapStore;
import io.kaleyracta.connector.tracking.TrackedLink;
import io.kaleyracta.connector.tracking.UserAgentClass;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tracked links on a real PostgreSQL, as two nodes of a cluster share them: the table from the shipped postgres SQL,
 * and of simultaneous taps on two nodes exactly one is the first.
 */
class PostgresTapStoreTest {

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    dataSource = postgres.getPostgresDatabase();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("drop table if exists KCTA_TAP_LINK");
    }
    new ConnectorSchema(dataSource, "postgres", OutsideTransaction.NONE).ensure(true);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void theTableIsCreatedFromTheShippedSqlAndKeepsTheUrlByteForByte() throws Exception {
    JdbcTapStore store = node();
    String url = "https://shop.example.com/offer?c=42&q=a%20b&name=Zoë#section-2";
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    store.register(TrackedLink.created("PGPGPGPGPGPGPGP0", url, now));
    store.messageAccepted("PGPGPGPGPGPGPGP0", "msg-pg-1");

    TrackedLink link = node().find("PGPGPGPGPGPGPGP0").orElseThrow();

    assertThat(new ConnectorSchema(dataSource, "postgres", OutsideTransaction.NONE)
        .isPresent(ConnectorTables.TAP_LINK)).isTrue();
    assertThat(link.originalUrl()).isEqualTo(url);
    assertThat(link.messageId()).isEqualTo("msg-pg-1");
    assertThat(link.createdAt()).isEqualTo(now);
  }

  @Test
  void ofSimultaneousTapsOnTwoNodesExactlyOneIsTheFirst() throws Exception {
    JdbcTapStore first = node();
    JdbcTapStore second = node();
    first.register(TrackedLink.created("PGRACEPGRACEPGR0", "https://example.com", Instant.now()));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> firsts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      JdbcTapStore store = i % 2 == 0 ? first : second;
      firsts.add(threads.submit(() -> {
        go.await();
        return store.recordTap("PGRACEPGRACEPGR0", Instant.now(), UserAgentClass.MOBILE_BROWSER).orElseThrow()
            .firstTap();
      }));
    }
    go.countDown();
    int firstTaps = 0;
    for (Future<Boolean> result : firsts) {
      firstTaps += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
    }
    threads.shutdown();

    assertThat(firstTaps).isEqualTo(1);
    assertThat(second.find("PGRACEPGRACEPGR0").orElseThrow().taps()).isEqualTo(40);
  }

  private static JdbcTapStore node() {
    return new JdbcTapStore(dataSource, OutsideTransaction.NONE, Duration.ofDays(90), Clock.systemUTC());
  }
}
