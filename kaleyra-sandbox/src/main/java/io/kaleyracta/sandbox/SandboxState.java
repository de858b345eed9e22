package io.kaleyracta.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything a running sandbox remembers, safe for many handler threads at once: registered business
 * numbers, the slow delay, recorded requests (kept in arrival order even when answered out of order),
 * accepted messages and the per-recipient counters of the flaky, outage and rate-limited triggers.
 */
final class SandboxState {

    private final Set<String> businessNumbers = ConcurrentHashMap.newKeySet();
    private final AtomicLong arrivals = new AtomicLong();
    private final ConcurrentSkipListMap<Long, RecordedRequest> requests = new ConcurrentSkipListMap<>();
    private final List<AcceptedMessage> accepted = new ArrayList<>();
    private final ConcurrentHashMap<String, AtomicInteger> flakyCounters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> outageCounters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> rateLimitedCounters = new ConcurrentHashMap<>();
    private volatile Duration slowDelay = Duration.ofSeconds(3);
    private final StatusCallbacks callbacks = new StatusCallbacks();

    StatusCallbacks callbacks() {
        return callbacks;
    }

    void registerBusinessNumber(String number) {
        businessNumbers.add(Trigger.withoutPlus(Objects.requireNonNull(number, "number").trim()));
    }

    /** Registered numbers are compared without a leading {@code +}. */
    boolean isBusinessNumber(String number) {
        return businessNumbers.contains(Trigger.withoutPlus(number));
    }

    Duration slowDelay() {
        return slowDelay;
    }

    void slowDelay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("slow delay must be zero or positive, was " + delay);
        }
        slowDelay = delay;
    }

    /** Reserves the arrival position of a request about to be handled. */
    long arrive() {
        return arrivals.incrementAndGet();
    }

    void record(long arrival, RecordedRequest request) {
        requests.put(arrival, request);
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests.values());
    }

    void accept(AcceptedMessage message) {
        synchronized (accepted) {
            accepted.add(message);
        }
    }

    List<AcceptedMessage> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    /** Flaky calls so far for this recipient, counting this one (1-based). */
    int nextFlakyCall(String recipient) {
        return flakyCounters.computeIfAbsent(Trigger.withoutPlus(recipient), k -> new AtomicInteger()).incrementAndGet();
    }

    /** Outage calls so far for this recipient, counting this one (1-based). */
    int nextOutageCall(String recipient) {
        return outageCounters.computeIfAbsent(Trigger.withoutPlus(recipient), k -> new AtomicInteger()).incrementAndGet();
    }

    /** Rate-limited calls so far for this recipient, counting this one (1-based). */
    int nextRateLimitedCall(String recipient) {
        return rateLimitedCounters.computeIfAbsent(Trigger.withoutPlus(recipient), k -> new AtomicInteger())
                .incrementAndGet();
    }

    void reset() {
        requests.clear();
        synchronized (accepted) {
            accepted.clear();
        }
        flakyCounters.clear();
        outageCounters.clear();
        rateLimitedCounters.clear();
        callbacks.reset();
    }
}
