package io.kaleyracta.connector.tracking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in a tracked link: a random link id and an HMAC-SHA256 of it under the server's key, both base64url,
 * {@value #LENGTH} characters in all. It carries no personal data and no URL: the id only finds the link in the
 * {@link TapStore}. Unguessable twice over: the id is 96 random bits, and without the key nobody can make a MAC
 * (96 bits, truncated) that {@link #verify} accepts, so a forged or altered token never reaches the store.
 */
public final class TapToken {

  static final int ID_BYTES = 12;
  static final int MAC_BYTES = 12;
  /** 16 characters of id and 16 of MAC (12 bytes each encode to exactly 16, so no padding and no slack bits). */
  public static final int LENGTH = 32;
  private static final int ID_CHARS = 16;
  /** Separates this use of the key from any other use a future version may make of it. */
  private static final byte[] DOMAIN = "kaleyra-cta-tap-v1:".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public TapToken(String key) {
    if (key == null || key.length() < TrackingConfig.MIN_KEY_LENGTH) {
      throw new IllegalArgumentException("the tracking key must have at least " + TrackingConfig.MIN_KEY_LENGTH
          + " characters");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** A fresh random link id (16 base64url characters). */
  public static String newLinkId() {
    byte[] id = new byte[ID_BYTES];
    RANDOM.nextBytes(id);
    return ENCODER.encodeToString(id);
  }

  /** The token for a link id from {@link #newLinkId()}. */
  public String sign(String linkId) {
    byte[] id = decodeId(linkId);
    if (id == null) {
      throw new IllegalArgumentException("not a link id");
    }
    return linkId + ENCODER.encodeToString(mac(id));
  }

  /** The link id of a token this key signed; empty for anything else (altered, forged, truncated, not base64url). */
  public Optional<String> verify(String token) {
    if (token == null || token.length() != LENGTH || !isBase64Url(token)) {
      return Optional.empty();
    }
    String linkId = token.substring(0, ID_CHARS);
    byte[] id = decodeId(linkId);
    byte[] given = DECODER.decode(token.substring(ID_CHARS));
    return id != null && MessageDigest.isEqual(mac(id), given) ? Optional.of(linkId) : Optional.empty();
  }

  private byte[] mac(byte[] id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(DOMAIN);
      return Arrays.copyOf(mac.doFinal(id), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] decodeId(String linkId) {
    if (linkId == null || linkId.length() != ID_CHARS || !isBase64Url(linkId)) {
      return null;
    }
    return DECODER.decode(linkId);
  }

  private static boolean isBase64Url(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
