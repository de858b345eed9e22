package io.kaleyracta.connector.ledger;

/**
 * One message to claim: its key and where it is sent from.
 *
 * @param key names the message by what it is and where it is sent (see the engine's delivery key); any length
 * @param origin the process instance and activity sending it, for operators and status callbacks
 */
public record Delivery(String key, Origin origin) {
}
