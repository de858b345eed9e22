package io.kaleyracta.connector.engine;

import io.kaleyracta.connector.ledger.ConnectorSchema;
import io.kaleyracta.connector.ledger.OutsideTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's database as the connector's tables use it: the engine's {@link DataSource}, with whatever makes a
 * connection join the engine's transaction taken away, so each connector write commits on its own.
 *
 * <ul>
 *   <li>Plain JDBC (embedded, Camunda Run): a connection from the engine's pool is already a transaction of its own.
 *   <li>Spring: the engine wraps the data source in Spring's {@code TransactionAwareDataSourceProxy}, whose
 *       connection is the job's; its target is used instead.
 *   <li>JTA (WildFly, Spring's {@code JtaTransactionManager}): the data source enlists in the current transaction,
 *       so {@link #outsideTransaction()} suspends it around each write.
 * </ul>
 */
public record EngineDatabase(DataSource dataSource, String databaseType, boolean mayCreateTables,
    OutsideTransaction outsideTransaction) {

  private static final String SPRING_PROXY = "org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy";
  private static final Set<ProcessEngineConfigurationImpl> TABLES_CHECKED =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  public static EngineDatabase of(ProcessEngineConfigurationImpl engine) {
    return new EngineDatabase(unproxied(engine.getDataSource()), engine.getDatabaseType(),
        !ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE.equals(engine.getDatabaseSchemaUpdate()),
        outside(engine));
  }

  /** Whether the engine's connections enlist in a JTA transaction (WildFly, Spring's JtaTransactionManager). */
  public boolean joinsJta() {
    return outsideTransaction != OutsideTransaction.NONE;
  }

  /**
   * The engine's database with the connector's tables created or checked ({@link ConnectorSchema#ensure}): once per
   * engine, by whichever feature (ledger, status inbox, tap links) asks first.
   *
   * @throws io.kaleyracta.connector.ledger.ConnectorSchemaException when a table is missing and may not be created
   */
  public static EngineDatabase withTables(ProcessEngineConfigurationImpl engine) {
    EngineDatabase database = of(engine);
    synchronized (TABLES_CHECKED) {
      if (!TABLES_CHECKED.contains(engine)) {
        database.schema().ensure(database.mayCreateTables());
        TABLES_CHECKED.add(engine);
      }
    }
    return database;
  }

  /** The connector's tables in this database. */
  public ConnectorSchema schema() {
    return new ConnectorSchema(dataSource, databaseType, outsideTransaction);
  }

  private static DataSource unproxied(DataSource dataSource) {
    DataSource current = dataSource;
    while (current != null && current.getClass().getName().equals(SPRING_PROXY)) {
      Object target = call(current, "getTargetDataSource");
      if (!(target instanceof DataSource next)) {
        break;
      }
      current = next;
    }
    return current;
  }

  /** The JTA transaction manager of a JTA engine (javax or jakarta, directly or behind Spring's), if any. */
  private static OutsideTransaction outside(ProcessEngineConfigurationImpl engine) {
    Object manager = call(engine, "getTransactionManager");
    if (manager != null && !hasSuspend(manager)) {
      manager = call(manager, "getTransactionManager"); // Spring's JtaTransactionManager holds the JTA one
    }
    return manager != null && hasSuspend(manager) ? new Suspending(manager) : OutsideTransaction.NONE;
  }

  private static boolean hasSuspend(Object manager) {
    try {
      manager.getClass().getMethod("suspend");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Object call(Object target, String method) {
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Suspends the current JTA transaction around the work and resumes it after, whatever happens. */
  private record Suspending(Object manager) implements OutsideTransaction {
    @Override
    public <T> T run(Work<T> work) throws SQLException {
      Object suspended;
      Method resume;
      try {
        suspended = manager.getClass().getMethod("suspend").invoke(manager);
        resume = resumeMethod();
      } catch (InvocationTargetException e) {
        throw new SQLException("could not suspend the JTA transaction: " + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new SQLException("could not suspend the JTA transaction: " + e, e);
      }
      try {
        return work.run();
      } finally {
        if (suspended != null) {
          try {
            resume.invoke(manager, suspended);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not resume the engine's JTA transaction", e);
          }
        }
      }
    }

    private Method resumeMethod() throws NoSuchMethodException {
      for (Method method : manager.getClass().getMethods()) {
        if (method.getName().equals("resume") && method.getParameterCount() == 1) {
          return method;
        }
      }
      throw new NoSuchMethodException("resume(Transaction)");
    }
  }
}
