package io.kaleyracta.connector.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one rule for "plain http is fine here": a loopback host written literally ({@code localhost}, 127.x.x.x,
 * {@code [::1]}). Names are never resolved, so DNS cannot turn a remote host into an allowed one.
 */
public final class LoopbackHost {

  private LoopbackHost() {
  }

  public static boolean is(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
