package io.deskbridge.web.api.apikey;

import io.deskbridge.core.access.AccessService;
import io.deskbridge.core.access.ApiKeyScope;
import io.deskbridge.core.access.IssuedApiKey;
import io.deskbridge.web.api.ListView;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/api-keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Access(AccessLevel.INTEGRATOR)
@Tag(name = "API keys", description = "Keys for channels (scope inbound) and integrations (scope full).")
public class ApiKeyResource {

  @Inject AccessService access;
  @Inject CurrentCaller caller;

  record CreateRequest(String name, ApiKeyScope scope) {}

  @POST
  @Operation(summary = "Create a key", description = "The key is in this answer only; it is stored hashed.")
  public Response create(CreateRequest request) {
    CreateRequest r = RequestBody.require(request);
    IssuedApiKey issued = access.createApiKey(caller.tenant(), r.name(), r.scope(), caller.agentId());
    return Response.status(Response.Status.CREATED)
        .entity(ApiKeyView.of(issued.key(), issued.secret().value()))
        .build();
  }

  @GET
  @Operation(summary = "List keys (without the secrets)")
  public ListView<ApiKeyView> list() {
    return ListView.all(access.apiKeys(caller.tenant()), k -> ApiKeyView.of(k, null));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Revoke a key", description = "Requests with it are refused from now on.")
  public ApiKeyView revoke(@PathParam("id") long id) {
    return ApiKeyView.of(access.revokeApiKey(caller.tenant(), id), null);
  }
}
