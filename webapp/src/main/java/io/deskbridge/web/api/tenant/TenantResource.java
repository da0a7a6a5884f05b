package io.deskbridge.web.api.tenant;

import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantService;
import io.deskbridge.web.api.ListView;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants", description = "Open tenants (platform admin token) and edit a tenant's profile.")
public class TenantResource {

  @Inject TenantService tenants;

  @POST
  @Access(AccessLevel.PLATFORM)
  @Operation(summary = "Create a tenant with its first admin", description = "Duplicate slug: 409.")
  public Response create(CreateTenantRequest request) {
    Tenant tenant = tenants.create(RequestBody.require(request).toNewTenant());
    return Response.created(UriBuilder.fromPath("/api/v1/tenants/{slug}").build(tenant.slug()))
        .entity(TenantView.of(tenant))
        .build();
  }

  @GET
  @Access(AccessLevel.PLATFORM)
  @Operation(summary = "List all tenants")
  public ListView<TenantView> list() {
    return ListView.all(tenants.list(), TenantView::of);
  }

  @GET
  @Path("{tenant}")
  @Access(AccessLevel.INBOUND)
  @Operation(summary = "The caller's own tenant")
  public TenantView get(@PathParam("tenant") String slug) {
    return TenantView.of(tenants.get(slug));
  }

  @PATCH
  @Path("{tenant}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Change the tenant's name, time zone, language or settings")
  public TenantView update(@PathParam("tenant") String slug, UpdateTenantRequest request) {
    UpdateTenantRequest r = RequestBody.require(request);
    return TenantView.of(tenants.update(slug, r.name(), r.timezone(), r.language(), r.settings()));
  }
}
