package io.deskbridge.web.api.sla;

import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.sla.SlaCatalog;
import io.deskbridge.core.sla.SlaDuration;
import io.deskbridge.core.sla.SlaPolicy;
import io.deskbridge.web.api.ListView;
import io.deskbridge.web.api.Preconditions;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.api.sla.SlaViews.PolicyView;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/sla-policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "SLA policies", description = "First-reply, next-reply and resolution targets (handbook 001).")
public class SlaPolicyResource {

  @Inject SlaCatalog catalog;
  @Inject CurrentCaller caller;

  /**
   * Targets as ISO-8601 ({@code PT1M}, {@code PT2H}, {@code P2D}) or {@code "4 business hours"} /
   * {@code "2 business days"}; warnAtShare defaults to 0.8; pausedStatuses to [WAITING_ON_VENDOR].
   */
  record PolicyRequest(String name, String firstReply, String nextReply, String resolution, Double warnAtShare,
      List<String> pausedStatuses) {

    SlaPolicy policy() {
      return new SlaPolicy(name, SlaDuration.parse("firstReply", firstReply),
          SlaDuration.parse("nextReply", nextReply), SlaDuration.parse("resolution", resolution),
          warnAtShare == null ? SlaPolicy.DEFAULT_WARN_AT_SHARE : warnAtShare, paused());
    }

    private Set<ConversationStatus> paused() {
      if (pausedStatuses == null) {
        return SlaPolicy.DEFAULT_PAUSED_STATUSES;
      }
      Set<ConversationStatus> statuses = new HashSet<>();
      for (int i = 0; i < pausedStatuses.size(); i++) {
        String status = pausedStatuses.get(i);
        try {
          statuses.add(ConversationStatus.valueOf(status == null ? "" : status.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException("pausedStatuses[" + i + "]",
              "must be one of WAITING_ON_CUSTOMER, ON_HOLD, WAITING_ON_VENDOR");
        }
      }
      return statuses;
    }
  }

  @GET
  @Access(AccessLevel.STAFF)
  @Operation(summary = "List SLA policies", description = "A new tenant has the handbook's Default (PT1M/PT5M/PT30M).")
  public ListView<PolicyView> list() {
    return ListView.all(catalog.policies(caller.tenant()), PolicyView::of);
  }

  @GET
  @Path("{id}")
  @Access(AccessLevel.STAFF)
  @Operation(summary = "One SLA policy")
  public Response get(@PathParam("id") long id) {
    PolicyView view = PolicyView.of(catalog.policy(caller.tenant(), id));
    return Preconditions.withVersion(Response.ok(view), view.version()).build();
  }

  @POST
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Create an SLA policy", description = "Names are unique per tenant (409).")
  public Response create(PolicyRequest request) {
    PolicyView view = PolicyView.of(catalog.createPolicy(caller.tenant(), RequestBody.require(request).policy()));
    return Response.status(Response.Status.CREATED).entity(view).build();
  }

  @PUT
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Change an SLA policy", description = "Running conversations are timed by the new targets.")
  public Response update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      PolicyRequest request) {
    PolicyView view = PolicyView.of(catalog.changePolicy(caller.tenant(), id, RequestBody.require(request).policy(),
        Preconditions.expectedVersion(ifMatch)));
    return Preconditions.withVersion(Response.ok(view), view.version()).build();
  }

  @DELETE
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Delete an SLA policy", description = "409 while a plan or the workflow settings use it.")
  public Response delete(@PathParam("id") long id) {
    catalog.deletePolicy(caller.tenant(), id);
    return Response.noContent().build();
  }
}
