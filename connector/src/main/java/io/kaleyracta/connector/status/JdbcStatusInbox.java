package io.kaleyracta.connector.status;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

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
 * The status inbox as the table {@value #TABLE} in the engine's database (created from
 * {@code META-INF/kaleyra-cta/sql/<database>/kcta_status_inbox.create.sql}). Each insert commits on its own: a callback is acknowledged only after all its rows are stored, and a row
 * that exists already (the same callback again) is left as it was. Times are stored in UTC.
 */
public final class JdbcStatusInbox implements StatusInbox {

  public static final String TABLE = "KCTA_STATUS_INBOX";
  static final int MAX_ID_LENGTH = 128;

  private static final String INSERT = "insert into " + TABLE
      + " (MESSAGE_ID_, STATUS_, STATUS_TIME_, ERROR_CODE_, ERROR_TITLE_, RECEIVED_AT_) values (?, ?, ?, ?, ?, ?)";
  private static final String EXISTS = "select count(*) from " + TABLE + " where MESSAGE_ID_ = ? and STATUS_ = ?";
  private static final String SELECT = "select STATUS_, STATUS_TIME_, ERROR_CODE_, ERROR_TITLE_ from " + TABLE
      + " where MESSAGE_ID_ = ?";
  private static final String DELETE = "delete from " + TABLE + " where MESSAGE_ID_ = ? and RECEIVED_AT_ < ?";
  private static final String OLD_IDS = "select distinct MESSAGE_ID_ from " + TABLE + " where RECEIVED_AT_ < ?";

  private final DataSource dataSource;

  public JdbcStatusInbox(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void accept(List<StatusEvent> events) {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      for (StatusEvent event : events) {
        for (String id : event.messageIds()) {
          if (id.length() > MAX_ID_LENGTH) {
            LOG.messageIdTooLong(id.length(), MAX_ID_LENGTH);
            continue;
          }
          insertIfAbsent(connection, id, event, now);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("status inbox " + TABLE + " not reachable: " + e.getMessage(), e);
    }
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
    List<StatusEvent> statuses = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(SELECT)) {
      query.setString(1, messageId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          DeliveryStatus.parse(rows.getString(1)).ifPresent(status -> statuses.add(row(messageId, status, rows)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("status inbox " + TABLE + " not readable: " + e.getMessage(), e);
    }
    return statuses;
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
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(DELETE)) {
      connection.setAutoCommit(true);
      delete.setString(1, messageId);
      delete.setTimestamp(2, Timestamp.from(before), utc());
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("status inbox " + TABLE + " not writable: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> receivedBefore(Instant before, int limit) {
    List<String> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(OLD_IDS)) {
      query.setTimestamp(1, Timestamp.from(before), utc());
      query.setMaxRows(limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("status inbox " + TABLE + " not readable: " + e.getMessage(), e);
    }
    return ids;
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
