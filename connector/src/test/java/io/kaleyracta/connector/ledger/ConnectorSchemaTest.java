package io.kaleyracta.connector.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectorSchemaTest {

  private static JdbcDataSource freshH2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  @Test
  void createsTheTablesWhenTheEngineMayCreateItsOwnAndLeavesThemOnTheNextStart() throws SQLException {
    ConnectorSchema schema = new ConnectorSchema(freshH2(), "h2", OutsideTransaction.NONE);
    assertThat(schema.isPresent(ConnectorTables.SEND_LEDGER)).isFalse();

    schema.ensure(true);
    schema.ensure(true);
    schema.ensure(false);

    assertThat(schema.isPresent(ConnectorTables.SEND_LEDGER)).isTrue();
  }

  @Test
  void aMissingTableThatMayNotBeCreatedFailsNamingTheSqlFileToRun() {
    ConnectorSchema schema = new ConnectorSchema(freshH2(), "h2", OutsideTransaction.NONE);

    assertThatThrownBy(() -> schema.ensure(false))
        .isInstanceOf(ConnectorSchemaException.class)
        .hasMessageContaining("KCTA_SEND_LEDGER is missing")
        .hasMessageContaining("databaseSchemaUpdate=false")
        .hasMessageContaining("run META-INF/kaleyra-cta/sql/h2/kcta_send_ledger.create.sql")
        .hasMessageContaining("kaleyra.ledger=memory");
  }

  @Test
  void anUnsupportedDatabaseIsNamedWithTheWayOut() {
    ConnectorSchema schema = new ConnectorSchema(freshH2(), "db2", OutsideTransaction.NONE);

    assertThatThrownBy(() -> schema.ensure(true)).isInstanceOf(ConnectorSchemaException.class)
        .hasMessageContaining("'db2'").hasMessageContaining("kaleyra.ledger=memory");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres", "mysql", "mariadb", "oracle", "mssql"})
  void shipsTheSqlOfEveryTableForEveryDatabaseTheEngineSupports(String databaseType) {
    ConnectorSchema schema = new ConnectorSchema(freshH2(), databaseType, OutsideTransaction.NONE);
    for (String table : ConnectorTables.ALL) {
      var statements = ConnectorSchema.statements(schema.sqlFile(table));
      assertThat(statements).first().asString().startsWith("create table " + table + " (");
      assertThat(statements).allSatisfy(sql -> assertThat(sql).doesNotEndWith(";").doesNotContain("--"));
      assertThat(statements).allSatisfy(sql -> assertThat(sql).containsAnyOf("create table ", "create index "));
    }
  }
}
