package io.kaleyracta.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code kaleyra.*} keys as Spring Boot shows them: IDE completion (configuration metadata) and
 * {@code /actuator/configprops} (the API key sanitised).
 *
 * <p>The connector itself does not read this class: {@link KaleyraAutoConfiguration} hands Spring's Environment to
 * {@code KaleyraConfig}, which applies the same rules and messages as on every other host. That is why a value
 * Spring cannot convert ({@code read-timeout-ms: soon}) is ignored here instead of failing with Spring's message:
 * start-up then fails with the connector's, naming each bad key.
 */
@ConfigurationProperties(prefix = "kaleyra", ignoreInvalidFields = true)
public class KaleyraProperties {

  /** Your Kaleyra account SID (required). */
  private String sid;

  /** Your Kaleyra API key (required); only ever sent as the api-key header, never shown by the actuator. */
  private String apiKey;

  /** Kaleyra's pod: IN (api.in.kaleyra.io), SG (api.ap.kaleyra.io) or EU (api.eu.kaleyra.io). */
  private String region = "IN";

  /** Overrides the region's host, e.g. a sandbox or a proxy: https, or http only for a loopback host. */
  private String baseUrl;

  /** The default sending WhatsApp business number in E.164 form; a task's businessNumber input wins. */
  private String businessNumber;

  /** Connect timeout in milliseconds. */
  private Long connectTimeoutMs = 5000L;

  /** Read timeout in milliseconds; when it expires the outcome is KALEYRA_OUTCOME_UNKNOWN. */
  private Long readTimeoutMs = 15000L;

  private final Retry retry = new Retry();

  private final Rate rate = new Rate();

  private final Health health = new Health();

  private final Callback callback = new Callback();

  private final Tracking tracking = new Tracking();

  public String getSid() {
    return sid;
  }

  public void setSid(String sid) {
    this.sid = sid;
  }

  public String getApiKey() {
    return apiKey;
  }

  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getBusinessNumber() {
    return businessNumber;
  }

  public void setBusinessNumber(String businessNumber) {
    this.businessNumber = businessNumber;
  }

  public Long getConnectTimeoutMs() {
    return connectTimeoutMs;
  }

  public void setConnectTimeoutMs(Long connectTimeoutMs) {
    this.connectTimeoutMs = connectTimeoutMs;
  }

  public Long getReadTimeoutMs() {
    return readTimeoutMs;
  }

  public void setReadTimeoutMs(Long readTimeoutMs) {
    this.readTimeoutMs = readTimeoutMs;
  }

  public Retry getRetry() {
    return retry;
  }

  public Rate getRate() {
    return rate;
  }

  public Health getHealth() {
    return health;
  }

  public Callback getCallback() {
    return callback;
  }

  public Tracking getTracking() {
    return tracking;
  }

  /** Tap tracking, the send task's "Track taps" (see docs/tap-tracking.md). */
  public static class Tracking {

    /** Registers the tap redirect endpoint at /kaleyra/t/* (servlet applications). */
    private Boolean enabled = true;

    /** The public address under which this application answers /kaleyra/t/<token>: https, or http for loopback. */
    private String baseUrl;

    /** The key that signs the tracking tokens: at least 32 characters of random text; never shown by the actuator. */
    private String key;

    /** Days a tracked link and what is recorded of its taps are kept; after that the link answers 404. */
    private Long retentionDays = 90L;

    public Boolean getEnabled() {
      return enabled;
    }

    public void setEnabled(Boolean enabled) {
      this.enabled = enabled;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getKey() {
      return key;
    }

    public void setKey(String key) {
      this.key = key;
    }

    public Long getRetentionDays() {
      return retentionDays;
    }

    public void setRetentionDays(Long retentionDays) {
      this.retentionDays = retentionDays;
    }
  }

  /** Kaleyra's delivery status callbacks (see docs/delivery-status.md). */
  public static class Callback {

    /** Registers the status callback endpoint and its sweep (servlet applications). */
    private Boolean enabled = true;

    /** The endpoint's path on the application's web port. */
    private String path = "/kaleyra/whatsapp/status";

    /** HTTP Basic user name Kaleyra's callback profile sends; without it and the password every callback gets 401. */
    private String username;

    /** HTTP Basic password Kaleyra's callback profile sends; never shown by the actuator. */
    private String password;

    /** Minutes the statuses of a message neither a wait nor the send ledger knows are kept. */
    private Long unknownRetentionMinutes = 60L;

    /** Days every status is kept at most. */
    private Long retentionDays = 7L;

    public Boolean getEnabled() {
      return enabled;
    }

    public void setEnabled(Boolean enabled) {
      this.enabled = enabled;
    }

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public Long getUnknownRetentionMinutes() {
      return unknownRetentionMinutes;
    }

    public void setUnknownRetentionMinutes(Long unknownRetentionMinutes) {
      this.unknownRetentionMinutes = unknownRetentionMinutes;
    }

    public Long getRetentionDays() {
      return retentionDays;
    }

    public void setRetentionDays(Long retentionDays) {
      this.retentionDays = retentionDays;
    }
  }

  /** Pacing of each business number's requests in this JVM. */
  public static class Rate {

    /** Requests a second per business number, 0 = no limit (WhatsApp's default limit is 80; Meta answers 130429 beyond it). */
    private Integer perSecond = 0;

    public Integer getPerSecond() {
      return perSecond;
    }

    public void setPerSecond(Integer perSecond) {
      this.perSecond = perSecond;
    }
  }

  /** In-call retries of failures that prove nothing was sent (WA500, no connection, 429). */
  public static class Retry {

    /** Attempts in total for WA500 and connection failures (1 = no retry). */
    private Integer maxAttempts = 3;

    /** First pause between attempts in milliseconds, doubled each time. */
    private Long backoffMs = 500L;

    /** Longest Retry-After of a 429 that is waited within the call, in milliseconds; a longer one ends the call. */
    private Long maxRetryAfterMs = 10000L;

    public Integer getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Long getBackoffMs() {
      return backoffMs;
    }

    public void setBackoffMs(Long backoffMs) {
      this.backoffMs = backoffMs;
    }

    public Long getMaxRetryAfterMs() {
      return maxRetryAfterMs;
    }

    public void setMaxRetryAfterMs(Long maxRetryAfterMs) {
      this.maxRetryAfterMs = maxRetryAfterMs;
    }
  }

  /** The health indicator (Spring Boot only). */
  public static class Health {

    /** How long an unavailable or unknown outcome keeps the kaleyra health indicator at WARNING. */
    private Duration window = Duration.ofMinutes(15);

    public Duration getWindow() {
      return window;
    }

    public void setWindow(Duration window) {
      this.window = window;
    }
  }
}
