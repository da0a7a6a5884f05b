package io.deskbridge.web.api.category;

import io.deskbridge.core.category.CategoryScope;
import io.deskbridge.core.category.CategoryService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/categories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Categories", description = "What conversations are about; one is required to close.")
public class CategoryResource {

  @Inject CategoryService categories;
  @Inject CurrentCaller caller;

  record CategoryRequest(String name, CategoryScope scope) {}

  @GET
  @Access(AccessLevel.STAFF)
  @Operation(summary = "List categories", description = "Archived ones only with includeArchived=true.")
  public ListView<CategoryView> list(@QueryParam("includeArchived") @DefaultValue("false") boolean includeArchived) {
    return ListView.all(categories.list(caller.tenant(), includeArchived), CategoryView::of);
  }

  @GET
  @Path("{id}")
  @Access(AccessLevel.STAFF)
  @Operation(summary = "One category")
  public CategoryView get(@PathParam("id") long id) {
    return CategoryView.of(categories.get(caller.tenant(), id));
  }

  @POST
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Create a category", description = "scope OWN (default) or THIRD_PARTY.")
  public Response create(CategoryRequest request) {
    CategoryRequest r = RequestBody.require(request);
    return Response.status(Response.Status.CREATED)
        .entity(CategoryView.of(categories.create(caller.tenant(), r.name(), r.scope())))
        .build();
  }

  @PUT
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Rename a category or change its scope")
  public CategoryView update(@PathParam("id") long id, CategoryRequest request) {
    CategoryRequest r = RequestBody.require(request);
    return CategoryView.of(categories.update(caller.tenant(), id, r.name(), r.scope()));
  }

  @DELETE
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Archive a category", description = "It stays on old conversations, cannot be chosen.")
  public CategoryView archive(@PathParam("id") long id) {
    return CategoryView.of(categories.archive(caller.tenant(), id));
  }
}
