package io.kaleyracta.connector.tracking.engine;

import io.kaleyracta.connector.engine.EngineLedger;
import io.kaleyracta.connector.status.StatusInbox;
import io.kaleyracta.connector.status.engine.StatusCallbackEndpoint;
import io.kaleyracta.connector.status.engine.StatusCorrelator;
import io.kaleyracta.connector.tracking.TapCorrelation;
import io.kaleyracta.connector.tracking.TapCorrelator;
import io.kaleyracta.connector.tracking.TapRedirect;
import io.kaleyracta.connector.tracking.TapStore;
import io.kaleyracta.connector.tracking.TrackedLink;
import io.kaleyracta.connector.tracking.TrackingConfig;
import io.kaleyracta.connector.tracking.UserAgentClass;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Wires the tap redirect endpoint to an engine: {@code kaleyra.tracking.*} from the given lookup, the links the send
 * task stored ({@link EngineTapStore}: the engine's database by default), and first taps handed to the engine's
 * status inbox as {@code TAPPED} ({@link TappedStatus}), where the "Wait for WhatsApp status" receive tasks see them.
 * Hosts put the result behind their HTTP adapter, e.g.
 * {@code new TapRedirectServlet(TapEndpoint.forEngine(engine, config))}; closing it stops its correlation thread.
 */
public final class TapEndpoint {

  private TapEndpoint() {
  }

  public static TapRedirect forEngine(ProcessEngine engine, Function<String, String> config) {
    TrackingConfig tracking = TrackingConfig.from(config);
    Wiring wiring = wiring(engine, tracking);
    return new TapRedirect(tracking, wiring.store(), new TapCorrelation(wiring.store(), wiring.correlator()),
        Clock.systemUTC());
  }

  /**
   * The engine's type, for hosts that hold no engine type and look the engine up by it: the Spring Boot starter, whose
   * one jar serves Camunda 7, Operaton and CIB seven.
   */
  public static Class<?> engineType() {
    return ProcessEngine.class;
  }

  /**
   * {@link #forEngine} for such hosts: the engine (an instance of {@link #engineType()}) is asked for at the first
   * request with a valid token, once it has started; until then such requests get 503 (forged tokens get 404 at
   * once).
   */
  public static TapRedirect forLazyEngine(Supplier<?> engine, Function<String, String> config) {
    TrackingConfig tracking = TrackingConfig.from(config);
    Supplier<Wiring> wiring = new Supplier<>() {
      private volatile Wiring made;

      @Override
      public Wiring get() {
        Wiring current = made;
        if (current == null) {
          synchronized (this) {
            if (made == null) {
              made = wiring((ProcessEngine) engine.get(), tracking);
            }
            current = made;
          }
        }
        return current;
      }
    };
    TapStore store = new TapStore() {
      @Override
      public void register(TrackedLink link) {
        wiring.get().store().register(link);
      }

      @Override
      public void messageAccepted(String linkId, String messageId) {
        wiring.get().store().messageAccepted(linkId, messageId);
      }

      @Override
      public Optional<TrackedLink> find(String linkId) {
        return wiring.get().store().find(linkId);
      }

      @Override
      public Optional<TrackedLink> recordTap(String linkId, Instant at, UserAgentClass agent) {
        return wiring.get().store().recordTap(linkId, at, agent);
      }
    };
    TapCorrelator correlator = new TapCorrelator() {
      @Override
      public void record(TrackedLink link) {
        wiring.get().correlator().record(link);
      }

      @Override
      public Result correlate(TrackedLink link) {
        return wiring.get().correlator().correlate(link);
      }
    };
    return new TapRedirect(tracking, store, new TapCorrelation(store, correlator), Clock.systemUTC());
  }

  private record Wiring(TapStore store, TapCorrelator correlator) {
  }

  private static Wiring wiring(ProcessEngine engine, TrackingConfig tracking) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    StatusInbox inbox = StatusCallbackEndpoint.inbox(configuration);
    TapStore store = EngineTapStore.of(configuration, tracking.retention());
    return new Wiring(store, new TappedStatus(inbox, new StatusCorrelator(configuration, inbox),
        EngineLedger.of(configuration), instanceId -> engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(instanceId).count() > 0));
  }
}
