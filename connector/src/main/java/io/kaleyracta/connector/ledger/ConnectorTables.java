package io.kaleyracta.connector.ledger;

import java.util.List;

/**
 * The connector's own tables in the engine's database, each created from
 * {@code META-INF/kaleyra-cta/sql/<database>/<table in lower case>.create.sql}. A feature that needs a table adds
 * its name here and one such file per database; {@link ConnectorSchema} then creates or checks it with the others.
 */
public final class ConnectorTables {

  /** Deliveries claimed, accepted or of unknown outcome: see {@link JdbcSendLedger}. */
  public static final String SEND_LEDGER = "KCTA_SEND_LEDGER";

  /** Delivery statuses from Kaleyra's callbacks, by message id: see {@code io.kaleyracta.connector.status}. */
  public static final String STATUS_INBOX = "KCTA_STATUS_INBOX";

  /** Tracked button links and their taps ("Track taps"): see {@code io.kaleyracta.connector.tracking.JdbcTapStore}. */
  public static final String TAP_LINK = "KCTA_TAP_LINK";

  /** Every table, in creation order. */
  public static final List<String> ALL = List.of(SEND_LEDGER, STATUS_INBOX, TAP_LINK);

  private ConnectorTables() {
  }
}
