package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.ledger.OutsideTransaction;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * On a JTA engine the ledger's writes run with the job's transaction suspended, so they commit on their own; the
 * transaction is resumed afterwards whatever happens. (The real server path runs in wildfly-tests.)
 */
class EngineDatabaseTest {

  private final List<String> calls = new ArrayList<>();
  private final Transaction jobTransaction = (Transaction) Proxy.newProxyInstance(getClass().getClassLoader(),
      new Class<?>[] {Transaction.class}, (proxy, method, args) -> method.getName().equals("toString") ? "job" : null);
  private final TransactionManager manager = (TransactionManager) Proxy.newProxyInstance(
      getClass().getClassLoader(), new Class<?>[] {TransactionManager.class}, (proxy, method, args) -> {
        switch (method.getName()) {
          case "suspend" -> {
            calls.add("suspend");
            return jobTransaction;
          }
          case "resume" -> {
            calls.add("resume " + args[0]);
            return null;
          }
          default -> {
            return null;
          }
        }
      });

  @Test
  void aJtaEngineSuspendsTheJobsTransactionAroundEachLedgerWrite() throws SQLException {
    JakartaTransactionProcessEngineConfiguration engine = new JakartaTransactionProcessEngineConfiguration();
    engine.setTransactionManager(manager);
    OutsideTransaction outside = EngineDatabase.of(engine).outsideTransaction();

    String result = outside.run(() -> {
      calls.add("write");
      return "done";
    });

    assertThat(result).isEqualTo("done");
    assertThat(calls).containsExactly("suspend", "write", "resume job");
  }

  @Test
  void theJobsTransactionIsResumedWhenTheWriteFails() {
    JakartaTransactionProcessEngineConfiguration engine = new JakartaTransactionProcessEngineConfiguration();
    engine.setTransactionManager(manager);
    OutsideTransaction outside = EngineDatabase.of(engine).outsideTransaction();

    assertThatThrownBy(() -> outside.run(() -> {
      throw new SQLException("connection reset");
    })).hasMessage("connection reset");
    assertThat(calls).containsExactly("suspend", "resume job");
  }

  @Test
  void aPlainJdbcEngineNeedsNoSuspension() {
    StandaloneInMemProcessEngineConfiguration engine = new StandaloneInMemProcessEngineConfiguration();
    engine.setDatabaseSchemaUpdate("false");

    assertThat(EngineDatabase.of(engine).outsideTransaction()).isSameAs(OutsideTransaction.NONE);
    assertThat(EngineDatabase.of(engine).mayCreateTables()).isFalse();
  }
}
