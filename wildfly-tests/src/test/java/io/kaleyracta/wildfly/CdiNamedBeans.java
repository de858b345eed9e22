package io.kaleyracta.wildfly;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.AbstractMap;
import java.util.Set;

/**
 * CDI's {@code @Named} beans as the read-only map that Camunda's
 * {@code ProcessEngineConfiguration.setBeans} expects, so {@code ${kaleyraWhatsAppCta}} in a
 * {@code camunda:delegateExpression} resolves to the CDI bean.
 *
 * <p>Names are looked up on demand ({@link #containsKey}, {@link #get}); they are never listed, so
 * {@link #entrySet()} is empty. Only normal-scoped beans (e.g. {@code @ApplicationScoped}) are handed
 * out: the engine gets CDI's client proxy and never destroys what it receives, so a
 * {@code @Dependent} instance created per evaluation would leak. Asking for one is an error that says so.
 */
final class CdiNamedBeans extends AbstractMap<Object, Object> {

    private final BeanManager beanManager;

    CdiNamedBeans(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public boolean containsKey(Object name) {
        return bean(name) != null;
    }

    @Override
    public Object get(Object name) {
        Bean<?> bean = bean(name);
        if (bean == null) {
            return null;
        }
        if (!beanManager.isNormalScope(bean.getScope())) {
            throw new IllegalStateException("CDI bean '" + name + "' is @" + bean.getScope().getSimpleName()
                    + "; the process engine only uses normal-scoped beans such as @ApplicationScoped");
        }
        return beanManager.getReference(bean, Object.class, beanManager.createCreationalContext(bean));
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.of();
    }

    private Bean<?> bean(Object name) {
        if (!(name instanceof String)) {
            return null;
        }
        Set<Bean<?>> beans = beanManager.getBeans((String) name);
        return beans.isEmpty() ? null : beanManager.resolve(beans);
    }
}
