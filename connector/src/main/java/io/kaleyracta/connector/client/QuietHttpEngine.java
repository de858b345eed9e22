package io.kaleyracta.connector.client;

import io.kaleyracta.connector.config.KaleyraConfig;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.DefaultManagedHttpClientConnection;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.resteasy.client.jaxrs.engines.ApacheHttpClient43Engine;
import org.jboss.resteasy.microprofile.client.RestClientBuilderImpl;

/**
 * RESTEasy's default HTTP engine, Apache HttpClient, writes every request header, the {@code api-key} included, to
 * its {@code org.apache.http.headers} and {@code org.apache.http.wire} loggers at DEBUG. When the MicroProfile Rest
 * Client is RESTEasy's and Apache HttpClient is visible (a plain Java host with the connector's runtime
 * dependencies), the client gets an engine whose connections do not log, so the key stays out of the logs at any
 * level. Elsewhere (another MP implementation, a server that hides these classes) {@link KaleyraClient} builds the
 * standard client; this class is then never loaded.
 */
final class QuietHttpEngine {

  private static final AtomicLong CONNECTIONS = new AtomicLong();
  private static final int BUFFER_SIZE = 8 * 1024;
  private static final int MAX_CONNECTIONS = 50;

  private QuietHttpEngine() {
  }

  /** Builds the client on the quiet engine, or returns null when the builder is not RESTEasy's. */
  static KaleyraApi build(RestClientBuilder builder, KaleyraConfig config) {
    if (!(builder instanceof RestClientBuilderImpl resteasy)) {
      return null;
    }
    int connectMillis = Math.toIntExact(config.connectTimeout().toMillis());
    int readMillis = Math.toIntExact(config.readTimeout().toMillis());
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
        RegistryBuilder.<ConnectionSocketFactory>create()
            .register("http", PlainConnectionSocketFactory.getSocketFactory())
            .register("https", SSLConnectionSocketFactory.getSystemSocketFactory())
            .build(),
        // the plain connection: Apache's default factory always makes the logging one
        (route, connectionConfig) -> new DefaultManagedHttpClientConnection(
            "kaleyra-" + CONNECTIONS.incrementAndGet(), BUFFER_SIZE));
    pool.setMaxTotal(MAX_CONNECTIONS);
    pool.setDefaultMaxPerRoute(MAX_CONNECTIONS);
    CloseableHttpClient http = HttpClients.custom()
        .setConnectionManager(pool)
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectTimeout(connectMillis)
            .setSocketTimeout(readMillis)
            // waiting for a pooled connection is bounded like connecting: nothing has been sent yet
            .setConnectionRequestTimeout(connectMillis)
            .build())
        .disableCookieManagement()
        .useSystemProperties()
        .build();
    return resteasy.build(KaleyraApi.class, new ApacheHttpClient43Engine(http, true));
  }
}
