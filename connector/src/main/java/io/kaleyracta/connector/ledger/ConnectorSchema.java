package io.kaleyracta.connector.ledger;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Creates or checks the connector's tables ({@link ConnectorTables#ALL}) the way the engine treats its own schema:
 * created when the engine may create its tables, otherwise checked, and a missing table fails with a message naming
 * the SQL file to run. The SQL ships in the jar, one file per table and database, under {@value #SQL_ROOT}.
 */
public final class ConnectorSchema {

  public static final String SQL_ROOT = "META-INF/kaleyra-cta/sql/";

  /** The engine's database types (Camunda's {@code databaseType}) and the folder with their SQL. */
  private static final Map<String, String> FOLDERS = Map.of("h2", "h2", "postgres", "postgres",
      "cockroachdb", "postgres", "mysql", "mysql", "mariadb", "mysql", "oracle", "oracle", "mssql", "mssql");

  private final DataSource dataSource;
  private final String databaseType;
  private final OutsideTransaction outside;

  public ConnectorSchema(DataSource dataSource, String databaseType, OutsideTransaction outside) {
    this.dataSource = dataSource;
    this.databaseType = databaseType;
    this.outside = outside;
  }

  /** The resource with the table's create SQL for this database, e.g. {@code META-INF/kaleyra-cta/sql/postgres/...}. */
  public String sqlFile(String table) {
    String folder = FOLDERS.get(databaseType == null ? "" : databaseType.toLowerCase(Locale.ROOT));
    if (folder == null) {
      throw new ConnectorSchemaException("The connector ships no SQL for the database type '" + databaseType
          + "' (it has h2, postgres, mysql/mariadb, oracle, mssql): create its tables by hand from the postgres files "
          + "under " + SQL_ROOT + ", or set kaleyra.ledger=memory", null);
    }
    return SQL_ROOT + folder + "/" + table.toLowerCase(Locale.ROOT) + ".create.sql";
  }

  /**
   * Makes sure every connector table exists.
   *
   * @param mayCreate whether missing tables may be created (the engine's {@code databaseSchemaUpdate} allows it)
   * @throws ConnectorSchemaException naming the SQL file of a table that is missing and may not be created
   */
  public void ensure(boolean mayCreate) {
    for (String table : ConnectorTables.ALL) {
      String file = sqlFile(table);
      try {
        if (isPresent(table)) {
          continue;
        }
        if (!mayCreate) {
          throw new ConnectorSchemaException("The connector's table " + table + " is missing and the engine may not "
              + "create tables (databaseSchemaUpdate=false): run " + file + " from the connector's jar on the engine's "
              + "database, or set kaleyra.ledger=memory", null);
        }
        create(table, file);
      } catch (SQLException e) {
        throw new ConnectorSchemaException("The connector's table " + table + " could not be checked or created ("
            + e.getMessage() + "): run " + file + " from the connector's jar on the engine's database", e);
      }
    }
  }

  /** Whether the table exists in the connection's current schema. */
  public boolean isPresent(String table) throws SQLException {
    return outside.run(() -> {
      try (Connection connection = dataSource.getConnection()) {
        DatabaseMetaData meta = connection.getMetaData();
        String name = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT)
            : meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        String schema = currentSchema(connection);
        try (ResultSet tables = meta.getTables(connection.getCatalog(), schema, name, new String[] {"TABLE"})) {
          return tables.next();
        }
      }
    });
  }

  private void create(String table, String file) throws SQLException {
    List<String> statements = statements(file);
    try {
      outside.run(() -> {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
          boolean autoCommit = connection.getAutoCommit();
          connection.setAutoCommit(false);
          for (String sql : statements) {
            statement.execute(sql);
          }
          connection.commit();
          connection.setAutoCommit(autoCommit);
          return null;
        }
      });
      LOG.tableCreated(table, file);
    } catch (SQLException e) {
      if (isPresent(table)) {
        return; // another node created it at the same moment
      }
      throw e;
    }
  }

  /** The file's statements: separated by {@code ;} at the end of a line, {@code --} comment lines dropped. */
  static List<String> statements(String file) {
    String text;
    try (InputStream in = ConnectorSchema.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new ConnectorSchemaException("The connector's jar lacks " + file, null);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConnectorSchemaException("Could not read " + file + " from the connector's jar", e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\\R")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        statements.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(trimmed).append(' ');
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().trim());
    }
    return statements;
  }

  private static String currentSchema(Connection connection) {
    try {
      return connection.getSchema();
    } catch (SQLException | AbstractMethodError e) {
      return null; // an old driver: search every schema
    }
  }
}
