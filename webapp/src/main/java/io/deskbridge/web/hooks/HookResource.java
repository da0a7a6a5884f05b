package io.deskbridge.web.hooks;

import io.deskbridge.core.plugin.ModuleCapabilities;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vendors call modules here: /hooks/{tenant}/{module}/{path}. There is no bearer token; each module
 * verifies its own callers (a signature, a shared token) before trusting anything, and answers fast.
 */
@Path("{tenant}/{module}")
@RequestScoped
public class HookResource {

  @Inject ModuleCapabilities capabilities;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context Request request;

  /**
   * {@code /hooks/{tenant}/{module}} itself (Jira's webhook URL has no further path): JAX-RS hands a
   * request without a remaining path only to methods without their own {@code @Path}.
   */
  @POST
  public Response postToModule(@PathParam("tenant") String tenant, @PathParam("module") String module,
      byte[] body) {
    return handle(tenant, module, "", body);
  }

  @GET
  public Response getFromModule(@PathParam("tenant") String tenant, @PathParam("module") String module) {
    return handle(tenant, module, "", new byte[0]);
  }

  @GET
  @Path("{path: .*}")
  public Response get(@PathParam("tenant") String tenant, @PathParam("module") String module,
      @PathParam("path") String path) {
    return handle(tenant, module, path, new byte[0]);
  }

  @POST
  @Path("{path: .*}")
  public Response post(@PathParam("tenant") String tenant, @PathParam("module") String module,
      @PathParam("path") String path, byte[] body) {
    return handle(tenant, module, path, body);
  }

  @PUT
  @Path("{path: .*}")
  public Response put(@PathParam("tenant") String tenant, @PathParam("module") String module,
      @PathParam("path") String path, byte[] body) {
    return handle(tenant, module, path, body);
  }

  @DELETE
  @Path("{path: .*}")
  public Response delete(@PathParam("tenant") String tenant, @PathParam("module") String module,
      @PathParam("path") String path) {
    return handle(tenant, module, path, new byte[0]);
  }

  private Response handle(String tenant, String module, String path, byte[] body) {
    Map<String, List<String>> copied = new LinkedHashMap<>(headers.getRequestHeaders());
    WebhookResponse answer = capabilities.webhook(tenant, module, new WebhookRequest(request.getMethod(), path,
        copied, uri.getRequestUri().getRawQuery(), body == null ? new byte[0] : body));
    Response.ResponseBuilder response = Response.status(answer.status());
    if (answer.body() != null) {
      response.entity(answer.body()).type(answer.contentType() == null ? "text/plain" : answer.contentType());
    }
    return response.build();
  }
}
