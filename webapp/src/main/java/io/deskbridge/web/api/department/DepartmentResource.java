package io.deskbridge.web.api.department;

import io.deskbridge.core.department.DepartmentService;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/departments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Departments", description = "Queues conversations are routed and transferred to.")
public class DepartmentResource {

  @Inject DepartmentService departments;
  @Inject CurrentCaller caller;

  record DepartmentRequest(String name, String description) {}

  @GET
  @Access(AccessLevel.STAFF)
  @Operation(summary = "List departments")
  public ListView<DepartmentView> list() {
    return ListView.all(departments.list(caller.tenant()), DepartmentView::of);
  }

  @GET
  @Path("{id}")
  @Access(AccessLevel.STAFF)
  @Operation(summary = "One department")
  public DepartmentView get(@PathParam("id") long id) {
    return DepartmentView.of(departments.get(caller.tenant(), id));
  }

  @POST
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Create a department", description = "Names are unique per tenant (409).")
  public Response create(DepartmentRequest request) {
    DepartmentRequest r = RequestBody.require(request);
    return Response.status(Response.Status.CREATED)
        .entity(DepartmentView.of(departments.create(caller.tenant(), r.name(), r.description())))
        .build();
  }

  @PUT
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Rename or describe a department")
  public DepartmentView update(@PathParam("id") long id, DepartmentRequest request) {
    DepartmentRequest r = RequestBody.require(request);
    return DepartmentView.of(departments.update(caller.tenant(), id, r.name(), r.description()));
  }

  @DELETE
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Delete an unused department", description = "409 while conversations use it.")
  public Response delete(@PathParam("id") long id) {
    departments.delete(caller.tenant(), id);
    return Response.noContent().build();
  }
}
