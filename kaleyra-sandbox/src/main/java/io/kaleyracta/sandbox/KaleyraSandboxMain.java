package io.kaleyracta.sandbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox until killed: {@code java -cp ... io.kaleyracta.sandbox.KaleyraSandboxMain [--port 8089]
 * [--slow-delay-ms 3000] [--callback-url http://127.0.0.1:8080/kaleyra/whatsapp/status]}. With a callback URL it
 * reports statuses there ({@link StatusScript}), authenticating with the environment variables
 * {@code SANDBOX_CALLBACK_USERNAME} and {@code SANDBOX_CALLBACK_PASSWORD} (never on the command line, where
 * {@code ps} shows it).
 */
public final class KaleyraSandboxMain {

    private static final int DEFAULT_PORT = 8089;

    private KaleyraSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        Duration slowDelay = null;
        String callbackUrl = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--port") || arg.equals("--slow-delay-ms")) && i + 1 < args.length) {
                int value = parse(arg, args[++i]);
                if (arg.equals("--port")) {
                    port = value;
                } else {
                    slowDelay = Duration.ofMillis(value);
                }
            } else if (arg.equals("--callback-url") && i + 1 < args.length) {
                callbackUrl = args[++i];
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("usage: KaleyraSandboxMain [--port N (default 8089, 0 = any free port)] [--slow-delay-ms N] [--callback-url URL]");
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
        if (callbackUrl != null) {
            sandbox.sendStatusCallbacks(java.net.URI.create(callbackUrl), System.getenv("SANDBOX_CALLBACK_USERNAME"),
                    System.getenv("SANDBOX_CALLBACK_PASSWORD"));
            System.out.println("  Status callbacks go to " + callbackUrl);
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
