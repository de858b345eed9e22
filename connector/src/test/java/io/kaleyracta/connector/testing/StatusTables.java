package io.kaleyracta.connector.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Creates the status inbox from the SQL file the jar ships, once per database, and empties it. */
public final class StatusTables {

  private StatusTables() {
  }

  public static void createOrEmpty(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      try {
        statement.execute("delete from KCTA_STATUS_INBOX");
        return;
      } catch (SQLException missing) {
        // first use: create it
      }
      for (String sql : sql().split(";")) {
        String withoutComments = sql.replaceAll("(?m)^--.*$", "").trim();
        if (!withoutComments.isEmpty()) {
          statement.execute(withoutComments);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sql() {
    try (InputStream in = StatusTables.class.getClassLoader()
        .getResourceAsStream("META-INF/kaleyra-cta/sql/h2/kcta_status_inbox.create.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
