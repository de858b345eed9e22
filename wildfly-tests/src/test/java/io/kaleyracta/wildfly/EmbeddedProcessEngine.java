package io.kaleyracta.wildfly;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * The Camunda 7 engine of the test WAR: built when CDI starts the application, closed when it stops.
 *
 * <p>{@code standalone-microprofile.xml} has no EJB subsystem, so a {@code @Singleton @Startup} EJB
 * would be silently ignored; observing {@code @Initialized(ApplicationScoped.class)} is the CDI-only
 * way to run at deployment. The engine uses the server's datasource and JTA transaction manager (a
 * Jakarta EE host's transactions, not its own JDBC commits), and resolves {@code ${name}} in
 * expressions to CDI beans through {@link CdiNamedBeans}.
 */
@ApplicationScoped
public class EmbeddedProcessEngine {

    /** The process models deployed at start, where the WAR carries them. */
    static final List<String> PROCESS_MODELS = List.of("processes/kaleyra-cta.bpmn");

    @Resource(lookup = "java:jboss/datasources/ExampleDS")
    DataSource dataSource;

    @Resource(lookup = "java:jboss/TransactionManager")
    TransactionManager transactionManager;

    @Inject
    BeanManager beanManager;

    private ProcessEngine processEngine;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        JakartaTransactionProcessEngineConfiguration configuration = new JakartaTransactionProcessEngineConfiguration();
        configuration.setTransactionManager(transactionManager);
        configuration.setProcessEngineName("default");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(new CdiNamedBeans(beanManager));
        processEngine = configuration.buildProcessEngine();
        deployProcessModels();
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        if (processEngine != null) {
            processEngine.close();
        }
    }

    public ProcessEngine processEngine() {
        return processEngine;
    }

    private void deployProcessModels() {
        ClassLoader classLoader = EmbeddedProcessEngine.class.getClassLoader();
        DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment()
                .name("wildfly-tests")
                .enableDuplicateFiltering(true);
        PROCESS_MODELS.stream()
                .filter(model -> classLoader.getResource(model) != null)
                .forEach(deployment::addClasspathResource);
        if (!deployment.getResourceNames().isEmpty()) {
            deployment.deploy();
        }
    }
}
