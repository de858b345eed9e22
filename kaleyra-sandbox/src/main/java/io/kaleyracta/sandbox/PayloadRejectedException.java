package io.kaleyracta.sandbox;

/** A request body broke one of the payload rules; the message names the field and the rule. */
final class PayloadRejectedException extends Exception {

    PayloadRejectedException(String detail) {
        super(detail, null, false, false);
    }
}
