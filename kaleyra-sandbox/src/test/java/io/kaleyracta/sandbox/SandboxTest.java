package io.kaleyracta.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per test class on a free port, reset before each test, and a client that talks to it. */
abstract class SandboxTest {

    protected static KaleyraSandbox sandbox;
    protected static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = KaleyraSandbox.start();
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }
}
