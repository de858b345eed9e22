package io.kaleyracta.connector.ledger;

import java.sql.SQLException;

/**
 * Runs the ledger's JDBC work outside the caller's transaction. With plain JDBC a fresh pooled connection is already
 * outside it ({@link #NONE}); on a JTA host the engine adapter suspends the current transaction around the work, so
 * a claim commits even when the job's transaction later rolls back.
 */
public interface OutsideTransaction {

  OutsideTransaction NONE = new OutsideTransaction() {
    @Override
    public <T> T run(Work<T> work) throws SQLException {
      return work.run();
    }
  };

  <T> T run(Work<T> work) throws SQLException;

  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }
}
