package io.kaleyracta.spring;

import java.util.function.Function;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Spring's Environment as the connector reads configuration: a key ({@code kaleyra.api-key}) to its value, with
 * Spring Boot's relaxed names ({@code kaleyra.apiKey}, {@code KALEYRA_API_KEY}), or {@code null}.
 */
public final class KaleyraEnvironment {

  private KaleyraEnvironment() {
  }

  public static Function<String, String> lookup(Environment environment) {
    Binder binder = Binder.get(environment);
    return key -> binder.bind(key, Bindable.of(String.class)).orElse(null);
  }
}
