package io.kaleyracta.connector.ledger;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Names this JVM for the ledger's {@code NODE_} column: host name and process id. */
final class Nodes {

  private Nodes() {
  }

  static String thisNode() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "/" + ProcessHandle.current().pid();
  }
}
