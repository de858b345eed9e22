package io.kaleyracta.connector.status;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import io.kaleyracta.connector.ledger.ConnectorTables;
import io.kaleyracta.connector.ledger.OutsideTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import javax.sql.DataSource;

/**
 * The status inbox as the table {@value #TABLE} in the engine's database (created or checked with the connector's
 * other tables by {@link io.kaleyracta.connector.ledger.ConnectorSchema}). Each insert commits on its own, outside
 * any transaction of the caller: a callback is acknowledged only after all its rows are stored, and a row that
 * exists already (the same callback again) is left as it was. Times are stored in UTC.
 */
public final class JdbcStatusInbox implements StatusInbox {

  public static final String TABLE = ConnectorTables.STATUS_INBOX;
  static final int MAX_ID_LENGTH = 128;

  private static final String INSERT = "insert into " + TABLE
      + " (MESSAGE_ID_, STATUS_, STATUS_TIME_, ERROR_CODE_, ERROR_TITLE_, RECEIVED_AT_, KNOWN_)"
      + " values (?, ?, ?, ?, ?, ?, 0)";
  private static final String EXISTS = "select count(*) from " + TABLE + " where MESSAGE_ID_ = ? and STATUS_ = ?";
  private static final String SELECT = "select STATUS_, STATUS_TIME_, ERROR_CODE_, ERROR_TITLE_ from " + TABLE
      + " where MESSAGE_ID_ = ?";
  private static final String DELETE = "delete from " + TABLE + " where MESSAGE_ID_ = ? and RECEIVED_AT_ < ?";
  private static final String OLD_UNKNOWN_IDS = "select distinct MESSAGE_ID_ from " + TABLE
      + " where KNOWN_ = 0 and RECEIVED_AT_ < ?";
  private static final String MARK_KNOWN = "update " + TABLE + " set KNOWN_ = 1 where MESSAGE_ID_ = ? and KNOWN_ = 0";
  private static final String PURGE = "delete from " + TABLE + " where RECEIVED_AT_ < ?";

  private final DataSource dataSource;
  private final OutsideTransaction outside;

  public JdbcStatusInbox(DataSource dataSource, OutsideTransaction outside) {
    this.dataSource = dataSource;
    this.outside = outside;
  }

  /** Runs the work on a connection of its own, outside the caller's transaction. */
  private <T> T withConnection(String failure, Use<T> use) {
    try {
      return outside.run(() -> {
        try (Connection connection = dataSource.getConnection()) {
          connection.setAutoCommit(true);
          return use.run(connection);
        }
      });
    } catch (SQLException e) {
      throw new IllegalStateException("status inbox " + TABLE + " " + failure + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Use<T> {
    T run(Connection connection) throws SQLException;
  }

  @Override
  public void accept(List<StatusEvent> events) {
    Timestamp now = Timestamp.from(Instant.now());
    withConnection("not reachable", connection -> {
      for (StatusEvent event : events) {
        for (String id : event.messageIds()) {
          if (id.length() > MAX_ID_LENGTH) {
            LOG.messageIdTooLong(id.length(), MAX_ID_LENGTH);
            continue;
          }
          insertIfAbsent(connection, id, event, now);
        }
      }
      return null;
    });
  }

  private static void insertIfAbsent(Connection connection, String id, StatusEvent event, Timestamp now)
      throws SQLException {
    String status = event.status().wireName();
    if (exists(connection, id, status)) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, id);
      insert.setString(2, status);
      insert.setTimestamp(3, Timestamp.from(event.time()), utc());
      insert.setString(4, cut(event.errorCode(), 64));
      insert.setString(5, cut(event.errorTitle(), 255));
      insert.setTimestamp(6, now, utc());
      insert.executeUpdate();
    } catch (SQLException e) {
      if (!exists(connection, id, status)) {
        throw e;
      }
      // the same status of the same message arrived on another thread or node at the same moment
    }
  }

  private static boolean exists(Connection connection, String id, String status) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(EXISTS)) {
      query.setString(1, id);
      query.setString(2, status);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() && rows.getInt(1) > 0;
      }
    }
  }

  @Override
  public List<StatusEvent> statusesOf(String messageId) {
    return withConnection("not readable", connection -> {
      List<StatusEvent> statuses = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(SELECT)) {
        query.setString(1, messageId);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            DeliveryStatus.parse(rows.getString(1)).ifPresent(status -> statuses.add(row(messageId, status, rows)));
          }
        }
      }
      return statuses;
    });
  }

  private static StatusEvent row(String messageId, DeliveryStatus status, ResultSet rows) {
    try {
      return new StatusEvent(List.of(messageId), status, rows.getTimestamp(2, utc()).toInstant(), rows.getString(3),
          rows.getString(4), null, null, null);
    } catch (SQLException e) {
      throw new IllegalStateException("status inbox " + TABLE + " not readable: " + e.getMessage(), e);
    }
  }

  @Override
  public int delete(String messageId, Instant before) {
    return withConnection("not writable", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
        delete.setString(1, messageId);
        delete.setTimestamp(2, Timestamp.from(before), utc());
        return delete.executeUpdate();
      }
    });
  }

  @Override
  public List<String> unknownReceivedBefore(Instant before, int limit) {
    return withConnection("not readable", connection -> {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(OLD_UNKNOWN_IDS)) {
        query.setTimestamp(1, Timestamp.from(before), utc());
        query.setMaxRows(limit);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getString(1));
          }
        }
      }
      return ids;
    });
  }

  @Override
  public void markKnown(String messageId) {
    withConnection("not writable", connection -> {
      try (PreparedStatement update = connection.prepareStatement(MARK_KNOWN)) {
        update.setString(1, messageId);
        return update.executeUpdate();
      }
    });
  }

  @Override
  public int purgeReceivedBefore(Instant before) {
    return withConnection("not writable", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(PURGE)) {
        delete.setTimestamp(1, Timestamp.from(before), utc());
        return delete.executeUpdate();
      }
    });
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
