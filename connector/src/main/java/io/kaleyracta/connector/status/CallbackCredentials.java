package io.kaleyracta.connector.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Function;

/**
 * The HTTP Basic credentials Kaleyra's callback profile must present, from configuration
 * ({@code kaleyra.callback.username}, {@code kaleyra.callback.password}). Fails closed: with either missing, no
 * request is ever authorized. Only SHA-256 digests are kept, compared in constant time, so neither the values nor
 * their length leak through timing, {@link #toString()} or a heap dump's obvious strings.
 */
public final class CallbackCredentials {

  public static final String USERNAME = "kaleyra.callback.username";
  public static final String PASSWORD = "kaleyra.callback.password";

  private final byte[] usernameDigest;
  private final byte[] passwordDigest;

  private CallbackCredentials(byte[] usernameDigest, byte[] passwordDigest) {
    this.usernameDigest = usernameDigest;
    this.passwordDigest = passwordDigest;
  }

  /** Reads both keys; a blank value counts as missing. */
  public static CallbackCredentials from(Function<String, String> lookup) {
    String username = lookup.apply(USERNAME);
    String password = lookup.apply(PASSWORD);
    if (username == null || username.isBlank() || password == null || password.isBlank()) {
      return none();
    }
    return new CallbackCredentials(sha256(username), sha256(password));
  }

  /** Credentials that authorize nothing: an endpoint without configuration refuses every callback. */
  public static CallbackCredentials none() {
    return new CallbackCredentials(null, null);
  }

  public boolean configured() {
    return usernameDigest != null;
  }

  /** True only when configured and the header is {@code Basic base64(username:password)} with both equal. */
  public boolean authorizes(String authorizationHeader) {
    if (!configured() || authorizationHeader == null) {
      return false;
    }
    String header = authorizationHeader.trim();
    if (header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    boolean userMatches = MessageDigest.isEqual(usernameDigest, sha256(decoded.substring(0, colon)));
    boolean passwordMatches = MessageDigest.isEqual(passwordDigest, sha256(decoded.substring(colon + 1)));
    return userMatches & passwordMatches;
  }

  @Override
  public String toString() {
    return configured() ? "CallbackCredentials[configured]" : "CallbackCredentials[none: every callback refused]";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
