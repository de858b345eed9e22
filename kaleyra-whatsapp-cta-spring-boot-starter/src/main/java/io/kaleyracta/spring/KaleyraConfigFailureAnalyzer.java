package io.kaleyracta.spring;

import io.kaleyracta.connector.config.KaleyraConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad {@code kaleyra.*} configuration into Spring Boot's start-up report: each key, never a value. */
public class KaleyraConfigFailureAnalyzer extends AbstractFailureAnalyzer<KaleyraConfigException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, KaleyraConfigException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set each key named above under kaleyra: in application.yaml (or a profile), or as the environment variable "
            + "shown. Keep the API key out of files you commit: use KALEYRA_API_KEY or a secret store.",
        cause);
  }
}
