package io.kaleyracta.connector.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Empties the status inbox between tests (the connector creates it with its other tables). */
public final class StatusTables {

  private StatusTables() {
  }

  public static void empty(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("delete from KCTA_STATUS_INBOX");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
