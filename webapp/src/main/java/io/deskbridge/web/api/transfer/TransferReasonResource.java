package io.deskbridge.web.api.transfer;

import io.deskbridge.core.transfer.TransferReason;
import io.deskbridge.core.transfer.TransferReasonService;
import io.deskbridge.web.api.ListView;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/transfer-reasons")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Transfer reasons", description = "Why conversations are passed on, and what the customer is told.")
public class TransferReasonResource {

  @Inject TransferReasonService reasons;
  @Inject CurrentCaller caller;

  /** {@code customerMessage}: the interim answer to the customer; null or blank sends none. */
  record TransferReasonRequest(String name, String customerMessage) {}

  @GET
  @Access(AccessLevel.STAFF)
  @Operation(summary = "List transfer reasons", description = "Archived ones only with includeArchived=true.")
  public ListView<TransferReasonView> list(
      @QueryParam("includeArchived") @DefaultValue("false") boolean includeArchived) {
    return ListView.all(reasons.list(caller.tenant(), includeArchived), TransferReasonView::of);
  }

  @GET
  @Path("{id}")
  @Access(AccessLevel.STAFF)
  @Operation(summary = "One transfer reason")
  public TransferReasonView get(@PathParam("id") long id) {
    return TransferReasonView.of(reasons.get(caller.tenant(), id));
  }

  @POST
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Create a transfer reason", description = "Names are unique per tenant (409).")
  public Response create(@PathParam("tenant") String tenant, TransferReasonRequest request) {
    TransferReasonRequest r = RequestBody.require(request);
    TransferReason reason = reasons.create(caller.tenant(), r.name(), r.customerMessage());
    return Response.created(UriBuilder.fromPath("/api/v1/tenants/{tenant}/transfer-reasons/{id}")
            .build(tenant, reason.id()))
        .entity(TransferReasonView.of(reason))
        .build();
  }

  @PUT
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Rename a transfer reason or change what the customer is told")
  public TransferReasonView update(@PathParam("id") long id, TransferReasonRequest request) {
    TransferReasonRequest r = RequestBody.require(request);
    return TransferReasonView.of(reasons.update(caller.tenant(), id, r.name(), r.customerMessage()));
  }

  @DELETE
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Delete a transfer reason",
      description = "One a conversation was transferred for is archived instead: it can no longer be chosen.")
  public Response delete(@PathParam("id") long id) {
    reasons.delete(caller.tenant(), id);
    return Response.noContent().build();
  }
}
