package io.kaleyracta.connector.engine;

import java.lang.reflect.Method;
import java.util.Map;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;

/**
 * An expression manager that resolves a name exactly as the host's manager does (variables, then the host's beans,
 * e.g. Spring's application context, then property access) and only then one more bean. It takes the host's
 * resolvers and functions through the host's public {@code createElContext}, once, at the first expression, so
 * functions the host registered before that are kept; the engine's own functions are added to this manager in init.
 *
 * <p>The EL types are those of the engine's own JUEL, in a package each engine names its own way (Operaton uses plain
 * {@code jakarta.el}); the fork builds rename it, see connector-engines/pom.xml.
 */
final class ConnectorExpressionManager extends JuelExpressionManager {

  private final JuelExpressionManager host;
  private final Map<Object, Object> bean;

  ConnectorExpressionManager(JuelExpressionManager host, String beanName, Object bean) {
    this.host = host;
    this.bean = Map.of(beanName, bean);
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(hostContext().getELResolver());
    resolver.add(new ReadOnlyMapELResolver(bean));
    return resolver;
  }

  @Override
  protected FunctionMapper createFunctionMapper() {
    FunctionMapper own = super.createFunctionMapper();
    FunctionMapper hosts = hostContext().getFunctionMapper();
    return new FunctionMapper() {
      @Override
      public Method resolveFunction(String prefix, String localName) {
        Method method = own.resolveFunction(prefix, localName);
        return method != null ? method : hosts.resolveFunction(prefix, localName);
      }
    };
  }

  private ELContext hostContext() {
    return host.createElContext(Variables.emptyVariableContext());
  }
}
