package io.kaleyracta.connector.ledger;

import io.kaleyracta.connector.config.KaleyraConfigException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where deliveries are recorded and for how long, from MicroProfile Config.
 *
 * <ul>
 *   <li>{@value #LEDGER}: {@code database} (default: the engine's database, shared by the nodes, kept across
 *       restarts) or {@code memory} (this JVM only, as before the ledger moved into the database).
 *   <li>{@value #RETENTION_DAYS}: days an entry is kept, default {@value #DEFAULT_RETENTION_DAYS}. Long enough for an
 *       operator to retry an incident after a holiday, and for WhatsApp's status callbacks, which can come up to 30
 *       days after the send (WhatsApp keeps trying an offline phone that long) and are matched to the process
 *       through the ledger.
 * </ul>
 */
public record LedgerSettings(Kind kind, Duration retention) {

  public static final String LEDGER = "kaleyra.ledger";
  public static final String RETENTION_DAYS = "kaleyra.ledger.retention-days";
  public static final long DEFAULT_RETENTION_DAYS = 30;

  public enum Kind { DATABASE, MEMORY }

  public static LedgerSettings from(Function<String, String> lookup) {
    String kind = trimmed(lookup.apply(LEDGER));
    Kind parsed;
    if (kind == null || kind.equalsIgnoreCase("database")) {
      parsed = Kind.DATABASE;
    } else if (kind.equalsIgnoreCase("memory")) {
      parsed = Kind.MEMORY;
    } else {
      throw new KaleyraConfigException("Invalid Kaleyra connector configuration: " + LEDGER
          + " must be database or memory");
    }
    String days = trimmed(lookup.apply(RETENTION_DAYS));
    long retentionDays = DEFAULT_RETENTION_DAYS;
    if (days != null) {
      try {
        retentionDays = Long.parseLong(days);
      } catch (NumberFormatException e) {
        retentionDays = 0;
      }
      if (retentionDays < 1) {
        throw new KaleyraConfigException("Invalid Kaleyra connector configuration: " + RETENTION_DAYS
            + " must be a whole number of days >= 1");
      }
    }
    return new LedgerSettings(parsed, Duration.ofDays(retentionDays));
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
  }
}
