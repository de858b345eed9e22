package io.kaleyracta.connector.tracking;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import io.kaleyracta.connector.ledger.ConnectorTables;
import io.kaleyracta.connector.ledger.OutsideTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Tracked links in the table {@value ConnectorTables#TAP_LINK} of the engine's database, created with the
 * connector's other tables: shared by the nodes of a cluster (any node answers a tap) and kept across restarts.
 * Each call is a short transaction of its own. A tap is counted by one {@code UPDATE ... SET TAPS_ = TAPS_ + 1}
 * whose row lock orders simultaneous taps, so exactly one of them reads 1 and is the first. Links older than the
 * retention are invisible and deleted by the node that next registers a link after an hour.
 */
public final class JdbcTapStore implements TapStore {

  private static final String TABLE = ConnectorTables.TAP_LINK;
  private static final String COLUMNS =
      "LINK_ID_, ORIGINAL_URL_, CREATED_AT_, MESSAGE_ID_, TAPS_, FIRST_TAP_AT_, LAST_TAP_AT_, FIRST_AGENT_";
  private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  private final DataSource dataSource;
  private final OutsideTransaction outside;
  private final Duration retention;
  private final Clock clock;
  private final AtomicReference<Instant> nextPurge;

  public JdbcTapStore(DataSource dataSource, OutsideTransaction outside, Duration retention, Clock clock) {
    this.dataSource = dataSource;
    this.outside = outside;
    this.retention = retention;
    this.clock = clock;
    this.nextPurge = new AtomicReference<>(clock.instant());
  }

  @Override
  public void register(TrackedLink link) {
    run("store the tracked link", connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
          + " (LINK_ID_, ORIGINAL_URL_, CREATED_AT_, TAPS_) VALUES (?, ?, ?, 0)")) {
        insert.setString(1, link.id());
        insert.setString(2, link.originalUrl());
        insert.setTimestamp(3, Timestamp.from(link.createdAt()), utc());
        insert.executeUpdate();
      }
      return null;
    });
    purgeWhenDue();
  }

  @Override
  public void messageAccepted(String linkId, String messageId) {
    run("note the message id of a tracked link", connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE " + TABLE + " SET MESSAGE_ID_ = ? WHERE LINK_ID_ = ?")) {
        update.setString(1, messageId);
        update.setString(2, linkId);
        update.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<TrackedLink> find(String linkId) {
    return run("read a tracked link", connection -> select(connection, linkId));
  }

  @Override
  public Optional<TrackedLink> recordTap(String linkId, Instant at, UserAgentClass agent) {
    return run("count a tap", connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
          + " SET TAPS_ = TAPS_ + 1, LAST_TAP_AT_ = ?, FIRST_TAP_AT_ = COALESCE(FIRST_TAP_AT_, ?),"
          + " FIRST_AGENT_ = COALESCE(FIRST_AGENT_, ?) WHERE LINK_ID_ = ? AND CREATED_AT_ >= ?")) {
        update.setTimestamp(1, Timestamp.from(at), utc());
        update.setTimestamp(2, Timestamp.from(at), utc());
        update.setString(3, agent.name());
        update.setString(4, linkId);
        update.setTimestamp(5, Timestamp.from(clock.instant().minus(retention)), utc());
        if (update.executeUpdate() == 0) {
          return Optional.empty();
        }
      }
      return select(connection, linkId); // same transaction: our row lock is still held, so TAPS_ is this tap's
    });
  }

  /** Deletes links made before the cutoff; returns how many. */
  public int purgeCreatedBefore(Instant cutoff) {
    return run("delete expired tracked links", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM " + TABLE + " WHERE CREATED_AT_ < ?")) {
        delete.setTimestamp(1, Timestamp.from(cutoff), utc());
        return delete.executeUpdate();
      }
    });
  }

  private Optional<TrackedLink> select(Connection connection, String linkId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE LINK_ID_ = ? AND CREATED_AT_ >= ?")) {
      select.setString(1, linkId);
      select.setTimestamp(2, Timestamp.from(clock.instant().minus(retention)), utc());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        String agent = row.getString("FIRST_AGENT_");
        return Optional.of(new TrackedLink(row.getString("LINK_ID_"), row.getString("ORIGINAL_URL_"),
            instant(row.getTimestamp("CREATED_AT_", utc())), row.getString("MESSAGE_ID_"), row.getInt("TAPS_"),
            instant(row.getTimestamp("FIRST_TAP_AT_", utc())), instant(row.getTimestamp("LAST_TAP_AT_", utc())),
            agent == null ? null : UserAgentClass.valueOf(agent)));
      }
    }
  }

  private void purgeWhenDue() {
    Instant now = clock.instant();
    Instant due = nextPurge.get();
    if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
      return;
    }
    try {
      LOG.tapLinksPurged(purgeCreatedBefore(now.minus(retention)), retention.toDays());
    } catch (IllegalStateException e) {
      LOG.tapLinksNotPurged(e);
    }
  }

  /** One unit of work in a transaction of its own, committed before returning. */
  private <T> T run(String what, Work<T> work) {
    try {
      return outside.run(() -> {
        try (Connection connection = dataSource.getConnection()) {
          boolean autoCommit = connection.getAutoCommit();
          connection.setAutoCommit(false);
          try {
            T result = work.run(connection);
            connection.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
          } finally {
            connection.setAutoCommit(autoCommit);
          }
        }
      });
    } catch (SQLException e) {
      throw new IllegalStateException("Could not " + what + " in table " + TABLE + ": " + e.getClass().getSimpleName()
          + ": " + e.getMessage(), e);
    }
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
