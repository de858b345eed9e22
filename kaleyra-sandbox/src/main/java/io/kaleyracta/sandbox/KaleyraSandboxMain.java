package io.kaleyracta.sandbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox until killed: {@code java -cp ... io.kaleyracta.sandbox.KaleyraSandboxMain [--port 8089]
 * [--slow-delay-ms 3000]}.
 */
public final class KaleyraSandboxMain {

    private static final int DEFAULT_PORT = 8089;

    private KaleyraSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        Duration slowDelay = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--port") || arg.equals("--slow-delay-ms")) && i + 1 < args.length) {
                int value = parse(arg, args[++i]);
                if (arg.equals("--port")) {
                    port = value;
                } else {
                    slowDelay = Duration.ofMillis(value);
                }
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("usage: KaleyraSandboxMain [--port N (default 8089, 0 = any free port)] [--slow-delay-ms N]");
                return;
            } else {
                System.err.println("unknown or incomplete argument: " + arg + " (try --help)");
                System.exit(2);
            }
        }
        KaleyraSandbox sandbox = KaleyraSandbox.start(port);
        if (slowDelay != null) {
            sandbox.slowDelay(slowDelay);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "kaleyra-sandbox-shutdown"));
        System.out.println("Kaleyra sandbox listening on " + sandbox.baseUrl());
        System.out.println("  KALEYRA_BASE_URL=" + sandbox.baseUrl());
        System.out.println("  KALEYRA_SID=" + KaleyraSandbox.SID);
        System.out.println("  KALEYRA_API_KEY=" + KaleyraSandbox.API_KEY + "   (the sandbox's fixed, public test key)");
        System.out.println("  KALEYRA_BUSINESS_NUMBER=" + KaleyraSandbox.BUSINESS_NUMBER);
        System.out.println("  Messages as the customer sees them: " + sandbox.viewerUrl());
        System.out.println("  Reserved recipients: see Trigger (kaleyra-sandbox/README.md). Ctrl+C stops.");
        stopped.await();
    }

    private static int parse(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            System.err.println(option + " needs a non-negative number, got: " + value);
            System.exit(2);
            return -1;
        }
    }
}
