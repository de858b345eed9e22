package io.kaleyracta.connector.client;

import io.kaleyracta.connector.payload.CtaMessageRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * Kaleyra's send-message endpoint as a MicroProfile Rest Client interface. The {@code api-key} header is added by
 * {@link ApiKeyHeader}, so the key never travels through method arguments. Returns the raw {@link Response}: error
 * bodies are read by {@link KaleyraClient}, not turned into exceptions.
 */
@Path("/v2/{sid}/whatsapp/{phoneNumber}/messages")
public interface KaleyraApi {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @ClientHeaderParam(name = "cache-control", value = "no-cache")
  Response sendMessage(@PathParam("sid") String sid, @PathParam("phoneNumber") String businessNumber,
      CtaMessageRequest request);
}
