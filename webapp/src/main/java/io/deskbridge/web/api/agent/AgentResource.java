package io.deskbridge.web.api.agent;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.agent.AgentService;
import io.deskbridge.core.agent.NewAgent;
import io.deskbridge.core.agent.Role;
import io.deskbridge.core.shared.ForbiddenException;
import io.deskbridge.web.api.ListView;
import io.deskbridge.web.api.Preconditions;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agents", description = "The tenant's team. Only admins add, change and deactivate agents.")
public class AgentResource {

  @Inject AgentService agents;
  @Inject CurrentCaller caller;

  @GET
  @Access(AccessLevel.STAFF)
  @Operation(summary = "List the team")
  public ListView<AgentView> list() {
    return ListView.all(agents.list(caller.tenant()), AgentView::of);
  }

  @GET
  @Path("{id}")
  @Access(AccessLevel.STAFF)
  @Operation(summary = "One agent")
  public Response get(@PathParam("id") long id) {
    Agent agent = agents.get(caller.tenant(), id);
    return Preconditions.withVersion(Response.ok(AgentView.of(agent)), agent.version()).build();
  }

  @POST
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Add an agent",
      description = "Duplicate email in the tenant: 409. departmentIds: the queues they work; unknown: 404.")
  public Response create(AgentRequests.Create request) {
    AgentRequests.Create r = RequestBody.require(request);
    Agent agent = agents.create(caller.tenant(), new NewAgent(r.email(), r.name(), r.password(), r.roles(),
        r.departmentIds()));
    return Response.status(Response.Status.CREATED).entity(AgentView.of(agent)).build();
  }

  @PATCH
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Rename an agent, change their roles or departments",
      description = "Absent fields stay; departmentIds [] clears them. If-Match guards against stale edits.")
  public AgentView update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      AgentRequests.Update request) {
    AgentRequests.Update r = RequestBody.require(request);
    return AgentView.of(agents.update(caller.tenant(), id, r.name(), r.roles(), r.departmentIds(),
        Preconditions.expectedVersion(ifMatch)));
  }

  @PUT
  @Path("{id}/availability")
  @Access(AccessLevel.STAFF)
  @Operation(summary = "Go online or offline", description = "Agents set their own; admins anyone's.")
  public AgentView setAvailability(@PathParam("id") long id, AgentRequests.SetAvailability request) {
    requireSelfOrAdmin(id);
    return AgentView.of(agents.setAvailability(caller.tenant(), id, RequestBody.require(request).availability()));
  }

  @PUT
  @Path("{id}/password")
  @Access(AccessLevel.STAFF)
  @Operation(summary = "Change a password", description = "Revokes the agent's other sessions.")
  public AgentView setPassword(@PathParam("id") long id, AgentRequests.SetPassword request) {
    requireSelfOrAdmin(id);
    return AgentView.of(agents.changePassword(caller.tenant(), id, RequestBody.require(request).password()));
  }

  @DELETE
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Deactivate an agent", description = "History keeps their name; tokens are revoked.")
  public AgentView deactivate(@PathParam("id") long id) {
    return AgentView.of(agents.deactivate(caller.tenant(), id));
  }

  private void requireSelfOrAdmin(long id) {
    boolean self = caller.agentId() != null && caller.agentId() == id;
    if (!self && !caller.get().hasRole(Role.ADMIN)) {
      throw new ForbiddenException("Only an admin may change another agent.");
    }
  }
}
