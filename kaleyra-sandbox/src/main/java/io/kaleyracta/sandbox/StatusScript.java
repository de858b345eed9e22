package io.kaleyracta.sandbox;

import java.util.List;

/**
 * What the sandbox reports back, by status callback, about a message it accepted: reserved recipients choose a
 * script, every other recipient gets {@link #READ} (sent, delivered, read). Callbacks go out only when
 * {@link KaleyraSandbox#sendStatusCallbacks} named a URL. Recipients match with or without the leading {@code +}.
 */
public enum StatusScript {

    /** Sent, delivered, then read: a customer who opened the message. The default for unreserved recipients. */
    READ("+919000003003", false, Step.SENT, Step.DELIVERED, Step.READ),

    /** Sent and delivered, never read. */
    DELIVERED_ONLY("+919000003002", false, Step.SENT, Step.DELIVERED),

    /**
     * Sent and delivered, never read, as DELIVERED_ONLY, for a customer who turned WhatsApp's read receipts off: they
     * read it all the same, and a tap on the button (Track taps) is the only sign of it. A number of its own, so the
     * two kinds of customer can be told apart in one run.
     */
    READ_RECEIPTS_OFF("+919000003008", false, Step.SENT, Step.DELIVERED),

    /**
     * Sent, then FAILED with Meta's 131047 "Re-engagement message": more than 24 hours since the customer last
     * wrote, so WhatsApp refused a non-template message that Kaleyra had accepted with 202.
     */
    FAILED_REENGAGEMENT("+919000131047", false, Step.SENT, Step.FAILED_131047),

    /** FAILED with Meta's 131026 "Message undeliverable" (a number without WhatsApp, or one that blocked the business). */
    FAILED_UNDELIVERABLE("+919000131026", false, Step.FAILED_131026),

    /** NOT-SENT: Kaleyra never passed the message to Meta. */
    NOT_SENT("+919000003004", false, Step.NOT_SENT),

    /** No callback at all. */
    SILENT("+919000003000", false),

    /** Sent, delivered, read, each callback twice (Kaleyra retries, or sends the same status again). */
    DUPLICATES("+919000003005", false, Step.SENT, Step.SENT, Step.DELIVERED, Step.DELIVERED, Step.READ,
            Step.READ),

    /** Read, then delivered, then sent: the statuses arrive in reverse. */
    OUT_OF_ORDER("+919000003006", false, Step.READ, Step.DELIVERED, Step.SENT),

    /**
     * Delivered and read are reported before the 202 is answered: the receiver gets the status before the sender
     * could have committed the message id (a race Kaleyra's real callbacks can win).
     */
    BEFORE_ACCEPT("+919000003007", true, Step.DELIVERED, Step.READ);

    /** One status callback. */
    public enum Step {
        SENT("sent", null, null),
        DELIVERED("delivered", null, null),
        READ("read", null, null),
        FAILED_131047("failed", 131047, "Re-engagement message"),
        FAILED_131026("failed", 131026, "Message undeliverable"),
        NOT_SENT("NOT-SENT", null, null);

        private final String status;
        private final Integer errorCode;
        private final String errorTitle;

        Step(String status, Integer errorCode, String errorTitle) {
            this.status = status;
            this.errorCode = errorCode;
            this.errorTitle = errorTitle;
        }

        /** The status as Kaleyra writes it: {@code sent}, {@code delivered}, {@code read}, {@code failed}, {@code NOT-SENT}. */
        public String status() {
            return status;
        }

        /** Meta's error code for a failure, else {@code null}. */
        public Integer errorCode() {
            return errorCode;
        }

        public String errorTitle() {
            return errorTitle;
        }
    }

    private final String recipient;
    private final boolean beforeAccept;
    private final List<Step> steps;

    StatusScript(String recipient, boolean beforeAccept, Step... steps) {
        this.recipient = recipient;
        this.beforeAccept = beforeAccept;
        this.steps = List.of(steps);
    }

    /** The reserved recipient number in E.164 form. */
    public String recipient() {
        return recipient;
    }

    /** The callbacks, in the order they are sent. */
    public List<Step> steps() {
        return steps;
    }

    /** True when the callbacks are delivered (and answered) before the 202 goes out. */
    public boolean beforeAccept() {
        return beforeAccept;
    }

    /** The script for a recipient: its reserved one, else {@link #READ}. */
    public static StatusScript forRecipient(String to) {
        String digits = Trigger.withoutPlus(to);
        for (StatusScript script : values()) {
            if (Trigger.withoutPlus(script.recipient).equals(digits)) {
                return script;
            }
        }
        return READ;
    }
}
