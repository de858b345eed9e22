package io.kaleyracta.connector.ledger;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

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
 * The default ledger: the table {@value ConnectorTables#SEND_LEDGER} in the engine's own database, shared by every
 * node of a cluster and kept across restarts. Each call is one short transaction of its own on a connection of its
 * own, committed before the call returns. Plain JDBC with portable SQL, so it runs unchanged on every database the
 * engine supports; times are stored in UTC.
 *
 * <p>The claim is a plain {@code INSERT} on the primary key: the database, not a read-then-write, decides which of
 * two concurrent runs owns a delivery. Entries older than the retention are deleted by the node that next claims
 * after an hour has passed since its last cleanup, so no scheduler is needed.
 */
public final class JdbcSendLedger implements SendLedger {

  private static final String TABLE = ConnectorTables.SEND_LEDGER;
  private static final String COLUMNS = "DELIVERY_KEY_, STATE_, STARTED_AT_, COMPLETED_AT_, NODE_, PROC_INST_ID_, "
      + "ACT_ID_, BUSINESS_KEY_, TENANT_ID_, JOB_ID_, MESSAGE_ID_, ERROR_";
  private static final int ERROR_LENGTH = 1000;
  private static final Duration PURGE_INTERVAL = Duration.ofHours(1);
  /** Waits before the second and third attempt to record an outcome (a database that drops connections briefly). */
  private static final long[] COMPLETE_BACKOFF_MS = {200, 1000};

  private final DataSource dataSource;
  private final OutsideTransaction outside;
  private final Duration retention;
  private final Clock clock;
  private final String node;
  private final AtomicReference<Instant> nextPurge;

  public JdbcSendLedger(DataSource dataSource, OutsideTransaction outside, Duration retention, Clock clock) {
    this.dataSource = dataSource;
    this.outside = outside;
    this.retention = retention;
    this.clock = clock;
    this.node = Nodes.thisNode();
    this.nextPurge = new AtomicReference<>(clock.instant());
  }

  @Override
  public Optional<LedgerEntry> claim(Delivery delivery) {
    String key = Fingerprint.of(delivery.key());
    Origin origin = delivery.origin();
    try {
      Optional<LedgerEntry> earlier = outside.run(() -> {
        for (int attempt = 0; attempt < 3; attempt++) {
          if (insert(key, origin)) {
            return Optional.<LedgerEntry>empty();
          }
          Optional<LedgerEntry> found = find("DELIVERY_KEY_", key);
          if (found.isPresent()) {
            return found;
          }
          // released or purged between our insert and our read: claim again
        }
        throw new SQLException("the entry " + key + " kept changing while it was being claimed");
      });
      if (earlier.isEmpty()) {
        purgeWhenDue();
      }
      return earlier;
    } catch (SQLException e) {
      throw new LedgerUnavailableException("The send ledger (table " + TABLE + ") could not record the delivery "
          + "before sending, so nothing was sent: " + describe(e), e);
    }
  }

  @Override
  public void complete(String deliveryKey, Completion completion) {
    String key = Fingerprint.of(deliveryKey);
    String error = completion.error() == null || completion.error().length() <= ERROR_LENGTH
        ? completion.error() : completion.error().substring(0, ERROR_LENGTH);
    SQLException last = null;
    for (int attempt = 0; attempt <= COMPLETE_BACKOFF_MS.length; attempt++) {
      if (attempt > 0 && !pause(COMPLETE_BACKOFF_MS[attempt - 1])) {
        break;
      }
      try {
        outside.run(() -> update("UPDATE " + TABLE + " SET STATE_ = ?, COMPLETED_AT_ = ?, MESSAGE_ID_ = ?, ERROR_ = ? "
            + "WHERE DELIVERY_KEY_ = ?", statement -> {
              statement.setString(1, (completion.accepted() ? LedgerEntry.State.ACCEPTED
                  : LedgerEntry.State.UNKNOWN).name());
              statement.setTimestamp(2, Timestamp.from(clock.instant()), utc());
              statement.setString(3, completion.messageId());
              statement.setString(4, error);
              statement.setString(5, key);
            }));
        return;
      } catch (SQLException e) {
        last = e;
      }
    }
    // the claim stays in flight: a re-run reports an unknown outcome instead of sending again
    LOG.outcomeNotRecorded(key, completion.accepted(), completion.messageId(), last);
  }

  @Override
  public void release(String deliveryKey) {
    String key = Fingerprint.of(deliveryKey);
    try {
      outside.run(() -> update("DELETE FROM " + TABLE + " WHERE DELIVERY_KEY_ = ? AND STATE_ = ?", statement -> {
        statement.setString(1, key);
        statement.setString(2, LedgerEntry.State.IN_FLIGHT.name());
      }));
    } catch (SQLException e) {
      LOG.releaseFailed(key, e);
    }
  }

  @Override
  public Optional<LedgerEntry> findByMessageId(String messageId) {
    try {
      return outside.run(() -> find("MESSAGE_ID_", messageId));
    } catch (SQLException e) {
      throw new LedgerUnavailableException("The send ledger (table " + TABLE + ") could not be read: "
          + describe(e), e);
    }
  }

  @Override
  public int purgeStartedBefore(Instant cutoff) {
    try {
      return outside.run(() -> update("DELETE FROM " + TABLE + " WHERE STARTED_AT_ < ?",
          statement -> statement.setTimestamp(1, Timestamp.from(cutoff), utc())));
    } catch (SQLException e) {
      throw new LedgerUnavailableException("The send ledger (table " + TABLE + ") could not be cleaned up: "
          + describe(e), e);
    }
  }

  /** The retention this ledger keeps entries for. */
  public Duration retention() {
    return retention;
  }

  private void purgeWhenDue() {
    Instant now = clock.instant();
    Instant due = nextPurge.get();
    if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_INTERVAL))) {
      return;
    }
    try {
      int purged = purgeStartedBefore(now.minus(retention));
      LOG.purged(purged, retention);
    } catch (LedgerUnavailableException e) {
      LOG.purgeFailed(e);
    }
  }

  /** @return false when the key is taken (the database's integrity constraint said so) */
  private boolean insert(String key, Origin origin) throws SQLException {
    try {
      inTransaction("INSERT INTO " + TABLE
          + " (DELIVERY_KEY_, STATE_, STARTED_AT_, NODE_, PROC_INST_ID_, ACT_ID_, BUSINESS_KEY_, TENANT_ID_, JOB_ID_) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            statement.setString(1, key);
            statement.setString(2, LedgerEntry.State.IN_FLIGHT.name());
            statement.setTimestamp(3, Timestamp.from(clock.instant()), utc());
            statement.setString(4, node);
            statement.setString(5, origin.processInstanceId());
            statement.setString(6, origin.activityId());
            statement.setString(7, origin.businessKey());
            statement.setString(8, origin.tenantId());
            statement.setString(9, origin.jobId());
          });
      return true;
    } catch (SQLException e) {
      if (isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  private Optional<LedgerEntry> find(String column, String value) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + column + " = ?")) {
      statement.setString(1, value);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        Origin origin = new Origin(row.getString("PROC_INST_ID_"), row.getString("ACT_ID_"),
            row.getString("BUSINESS_KEY_"), row.getString("TENANT_ID_"), row.getString("JOB_ID_"));
        return Optional.of(new LedgerEntry(row.getString("DELIVERY_KEY_"),
            LedgerEntry.State.valueOf(row.getString("STATE_")), instant(row.getTimestamp("STARTED_AT_", utc())),
            instant(row.getTimestamp("COMPLETED_AT_", utc())), row.getString("NODE_"), origin,
            row.getString("MESSAGE_ID_"), row.getString("ERROR_")));
      }
    }
  }

  private int update(String sql, Binder binder) throws SQLException {
    return inTransaction(sql, binder);
  }

  /** One statement in a transaction of its own, committed before returning. */
  private int inTransaction(String sql, Binder binder) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        binder.bind(statement);
        int rows = statement.executeUpdate();
        connection.commit();
        if (autoCommit) {
          connection.setAutoCommit(true);
        }
        return rows;
      } catch (SQLException e) {
        try {
          connection.rollback();
          if (autoCommit) {
            connection.setAutoCommit(true);
          }
        } catch (SQLException rollbackFailed) {
          e.addSuppressed(rollbackFailed);
        }
        throw e;
      }
    }
  }

  /** A new calendar each time: drivers may change the one they are given. */
  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }

  /** SQL state class 23 is an integrity constraint violation on every database the engine supports. */
  private static boolean isDuplicateKey(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (next instanceof java.sql.SQLIntegrityConstraintViolationException
          || (next.getSQLState() != null && next.getSQLState().startsWith("23"))) {
        return true;
      }
    }
    return false;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String describe(Exception e) {
    return e == null ? "" : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }
}
