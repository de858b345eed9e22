package io.kaleyracta.example;

import io.kaleyracta.example.demo.DemoCustomer;
import io.kaleyracta.example.demo.DemoCustomers;
import io.kaleyracta.example.demo.JourneyRun;
import io.kaleyracta.example.demo.Phone;
import io.kaleyracta.example.demo.Report;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The example's one command: {@code java -jar example-process/target/kaleyra-cta-example.jar [--keep-running]}.
 *
 * <p>Starts Camunda 7 (Spring Boot, H2 in memory) with the appointment reminder journey, runs the demo customers
 * through it against the local Kaleyra sandbox (or one real message through Kaleyra when credentials are set),
 * prints what happened to each customer and exits 0 only when every one took its designed route.
 * {@code --keep-running} keeps Cockpit, Tasklist and the sandbox's message viewer up afterwards.
 */
@SpringBootApplication
public class ReminderExampleApplication {

  /** The demo's retry timers: Kaleyra's 5, 10 and 15 minutes, shortened to a second each. */
  public static final String DEMO_RETRY_SCHEDULE = "PT1S,PT1S,PT1S";
  /** The demo's deadline for reading a reminder: the diagram's 4 hours, shortened to seconds. */
  public static final String DEMO_READ_DEADLINE = "PT6S";
  static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);

  static final String USAGE = """
      usage: java -jar kaleyra-cta-example.jar [--keep-running] [--sandbox] [--server.port=8080]

        (no option)     run the demo customers against the local Kaleyra sandbox, print what happened to each,
                        exit 0 when every route behaved as designed, 1 otherwise
        --keep-running  afterwards keep Cockpit, Tasklist (login demo/demo) and the sandbox's message viewer up
                        until Ctrl+C; --server.port=N picks the web port (default 8080, 0 = any free port).
                        The customer who taps the button is then left to you: tap it in the viewer
        --sandbox       use the local sandbox even when KALEYRA_SID / KALEYRA_API_KEY are set

      With KALEYRA_SID, KALEYRA_API_KEY, KALEYRA_BUSINESS_NUMBER and KALEYRA_DEMO_RECIPIENT set, it sends ONE real
      WhatsApp message through Kaleyra to KALEYRA_DEMO_RECIPIENT instead of the demo set.""";

  public static void main(String[] args) {
    int exitCode;
    try {
      exitCode = run(args, System.out);
    } catch (RuntimeException | Error e) {
      // e.g. the application failed to start: exit non-zero instead of hanging on the sandbox's server thread
      e.printStackTrace();
      exitCode = 1;
    }
    System.exit(exitCode);
  }

  /** Runs the command; returns its exit code (in keep-running mode only after an interrupt). */
  static int run(String[] args, PrintStream out) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      return 2;
    }
    if (options.help) {
      out.println(USAGE);
      return 0;
    }
    KaleyraTarget target;
    try {
      target = KaleyraTarget.choose(System.getenv(), options.forceSandbox);
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    SpringApplication application = new SpringApplication(ReminderExampleApplication.class);
    target.configure(application);
    if (!options.keepRunning && !target.isSandbox()) {
      // the one real message: no web apps, no port (Kaleyra's callbacks could not reach this machine anyway)
      application.setWebApplicationType(WebApplicationType.NONE);
    } else if (!options.keepRunning) {
      // the one-shot demo opens one port, on 127.0.0.1, for the sandbox's status callbacks; no web apps
      application.addInitializers(context -> context.getEnvironment().getPropertySources().addLast(
          new MapPropertySource("oneShotDemo", Map.of("server.port", "0", "server.address", "127.0.0.1",
              "camunda.bpm.webapp.enabled", "false"))));
    }
    ConfigurableApplicationContext context;
    try {
      context = application.run(options.springArgs.toArray(String[]::new));
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
    int exitCode;
    try {
      exitCode = runCustomers(context.getBean(ProcessEngine.class), target, options.keepRunning, out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exitCode = 1;
    } catch (RuntimeException e) {
      context.close();
      target.close();
      throw e;
    }
    if (!options.keepRunning) {
      context.close();
      target.close();
      return exitCode;
    }
    printUrls(context, target, out);
    Runtime.getRuntime().addShutdownHook(new Thread(target::close, "kaleyra-sandbox-stop"));
    try {
      new CountDownLatch(1).await(); // until Ctrl+C / SIGTERM: Spring's shutdown hook stops the engine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return exitCode;
  }

  /**
   * Runs the customers and prints the report. The customer who taps the reminder's button (Track taps) is tapped for
   * by the demo like a phone in the one-shot run; with {@code leaveTheTap} (keep-running mode) the demo leaves the
   * tap to a person in the sandbox's viewer, and that journey waits for it.
   */
  static int runCustomers(ProcessEngine engine, KaleyraTarget target, boolean leaveTheTap, PrintStream out)
      throws InterruptedException {
    List<DemoCustomer> customers = !target.isSandbox() ? DemoCustomers.realMessage(target.realRecipient())
        : leaveTheTap ? DemoCustomers.sandboxSetLeavingTheTap() : DemoCustomers.sandboxSet();
    Phone phone = leaveTheTap ? null : target.localSandbox().map(Phone::new).orElse(null);
    // demo: the retry timers fire after a second and the read deadline after seconds; the real message keeps
    // Kaleyra's 5, 10, 15 minutes and the diagram's 4 hours
    Map<String, Object> extra = target.isSandbox()
        ? Map.of("retrySchedule", DEMO_RETRY_SCHEDULE, "readDeadline", DEMO_READ_DEADLINE) : Map.of();
    out.printf("%nAppointment reminders on WhatsApp: %d customer%s through \"%s\" against %s%n%n", customers.size(),
        customers.size() == 1 ? "" : "s", JourneyRun.PROCESS_KEY, target.describe());
    long started = System.nanoTime();
    List<JourneyRun.Result> results = new JourneyRun(engine, extra, phone).run(customers, SETTLE_TIMEOUT);
    Report report = new Report(results, target.localSandbox().orElse(null));
    report.print(out, Duration.ofNanos(System.nanoTime() - started));
    return report.exitCode();
  }

  private static void printUrls(ConfigurableApplicationContext context, KaleyraTarget target, PrintStream out) {
    String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    out.println();
    out.println("Keeping the example running (Ctrl+C stops it). Log in with demo / demo:");
    out.println("  Cockpit:   " + base + "/camunda/app/cockpit/default/");
    out.println("  Tasklist:  " + base + "/camunda/app/tasklist/default/");
    out.println("  Admin:     " + base + "/camunda/app/admin/default/");
    target.localSandbox().ifPresent(sandbox -> {
      out.println("  Messages as the customers see them (Kaleyra sandbox): " + sandbox.viewerUrl());
      out.println("  Tap \"Manage appointment\" on Leela Pillai's reminder there: her journey ends \"Confirmed by tap\"");
    });
    out.println("  Status callbacks (Kaleyra's delivery reports): POST " + base
        + context.getEnvironment().getProperty("kaleyra.callback.path", SandboxCallbacks.DEFAULT_PATH));
    out.println("READY");
    out.flush();
  }

  /** The command line: our flags, everything else goes to Spring Boot (e.g. --server.port=9090). */
  static final class Options {
    boolean keepRunning;
    boolean forceSandbox;
    boolean help;
    final List<String> springArgs = new ArrayList<>();

    static Options parse(String[] args) {
      Options options = new Options();
      for (String arg : args) {
        switch (arg) {
          case "--keep-running" -> options.keepRunning = true;
          case "--sandbox" -> options.forceSandbox = true;
          case "--help", "-h" -> options.help = true;
          default -> {
            if (!arg.startsWith("--") || !arg.contains("=")) {
              throw new IllegalArgumentException("unknown argument: " + arg);
            }
            options.springArgs.add(arg);
          }
        }
      }
      return options;
    }
  }
}
