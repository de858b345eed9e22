package io.kaleyracta.connector.status;

import java.time.Instant;
import java.util.List;

/**
 * Every status Kaleyra reported, by message id: the durable store behind the callback endpoint and the waits.
 * One entry per message id and status, so a repeated callback changes nothing.
 */
public interface StatusInbox extends StatusSink {

  /** Stores each event under each of its ids; returns once durable. Entries that exist already are kept. */
  @Override
  void accept(List<StatusEvent> events);

  /** The statuses stored for one message id, each as an event with that single id (refs are not stored). */
  List<StatusEvent> statusesOf(String messageId);

  /** Deletes the entries of one message id received before {@code before}; returns how many. */
  int delete(String messageId, Instant before);

  /**
   * The message ids with an entry received before {@code before} that is not yet known to belong to a message of
   * this engine (see {@link #markKnown}), at most {@code limit}.
   */
  List<String> unknownReceivedBefore(Instant before, int limit);

  /** Marks the entries of a message id as known (a wait or the send ledger knows it): kept for the full retention. */
  void markKnown(String messageId);

  /** Deletes every entry received before {@code before}; returns how many. */
  int purgeReceivedBefore(Instant before);
}
