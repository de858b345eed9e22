package io.kaleyracta.sandbox;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids like Kaleyra's 20-character ones: {@code SBX} + 7 base-36 digits of a JVM-wide counter +
 * 10 random characters, all upper-case alphanumerics. The counter makes them unique for the life of
 * the JVM (across {@link KaleyraSandbox#reset()} and across sandboxes); the random part makes ids of
 * two runs differ.
 */
final class MessageIds {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {
    }

    static String next() {
        StringBuilder id = new StringBuilder(20).append("SBX");
        String count = Long.toString(COUNTER.incrementAndGet(), 36).toUpperCase();
        id.append("0".repeat(Math.max(0, 7 - count.length()))).append(count);
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
