package io.deskbridge.web.api.sla;

import io.deskbridge.core.sla.SlaCatalog;
import io.deskbridge.core.sla.SlaDuration;
import io.deskbridge.web.api.ListView;
import io.deskbridge.web.api.Preconditions;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.api.sla.SlaViews.PlanView;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/support-plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Support plans", description = "Flow, Basic, Premium, VIP (handbook 003); customers name one in `plan`.")
public class SupportPlanResource {

  @Inject SlaCatalog catalog;
  @Inject CurrentCaller caller;

  /** timeToEngage: ISO-8601 or "4 business hours" / "7 business days"; policyId: the SLA policy. */
  record PlanRequest(String name, String timeToEngage, Long policyId) {

    SlaDuration engage() {
      return timeToEngage == null ? null : SlaDuration.parse("timeToEngage", timeToEngage);
    }
  }

  @GET
  @Access(AccessLevel.STAFF)
  @Operation(summary = "List support plans")
  public ListView<PlanView> list() {
    return ListView.all(catalog.plans(caller.tenant()), PlanView::of);
  }

  @GET
  @Path("{id}")
  @Access(AccessLevel.STAFF)
  @Operation(summary = "One support plan")
  public Response get(@PathParam("id") long id) {
    PlanView view = PlanView.of(catalog.plan(caller.tenant(), id));
    return Preconditions.withVersion(Response.ok(view), view.version()).build();
  }

  @POST
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Create a support plan", description = "Names are unique per tenant (409).")
  public Response create(PlanRequest request) {
    PlanRequest r = RequestBody.require(request);
    PlanView view = PlanView.of(catalog.createPlan(caller.tenant(), r.name(), r.engage(), r.policyId()));
    return Response.status(Response.Status.CREATED).entity(view).build();
  }

  @PUT
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Change a support plan")
  public Response update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      PlanRequest request) {
    PlanRequest r = RequestBody.require(request);
    PlanView view = PlanView.of(catalog.changePlan(caller.tenant(), id, r.name(), r.engage(), r.policyId(),
        Preconditions.expectedVersion(ifMatch)));
    return Preconditions.withVersion(Response.ok(view), view.version()).build();
  }

  @DELETE
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Delete a support plan", description = "Customers naming it fall back to the default policy.")
  public Response delete(@PathParam("id") long id) {
    catalog.deletePlan(caller.tenant(), id);
    return Response.noContent().build();
  }
}
