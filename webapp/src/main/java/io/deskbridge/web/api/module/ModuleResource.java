package io.deskbridge.web.api.module;

import io.deskbridge.core.plugin.ModuleChange;
import io.deskbridge.core.plugin.ModuleService;
import io.deskbridge.core.plugin.PluginCatalog;
import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.api.Timestamps;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/modules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Access(AccessLevel.INTEGRATOR)
@Tag(name = "Modules", description = "Enable and configure plugins (webhook, CRM, Jira, Slack) per tenant.")
public class ModuleResource {

  @Inject ModuleService modules;
  @Inject PluginCatalog catalog;
  @Inject CurrentCaller caller;

  record Catalogue(List<ModuleView> items, List<PluginCatalog.Refused> refused) {}

  record Configure(Boolean enabled, Map<String, Object> config) {}

  record ChangeView(String action, String changedKeys, Long agentId, String changedAt) {
    static ChangeView of(ModuleChange c) {
      return new ChangeView(c.action(), c.changedKeys(), c.agentId(), Timestamps.iso(c.changedAt()));
    }
  }

  record History(List<ChangeView> items) {}

  @GET
  @Operation(summary = "The modules this server offers, with this tenant's state and settings",
      description = "Secrets are shown as ******** when set. `refused` lists plugin jars that were not loaded.")
  public Catalogue list() {
    return new Catalogue(modules.catalogue(caller.tenant()).stream().map(ModuleView::of).toList(),
        catalog.refused());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One module")
  public ModuleView get(@PathParam("id") String id) {
    return ModuleView.of(modules.get(caller.tenant(), id));
  }

  @PUT
  @Path("{id}")
  @Operation(summary = "Enable and configure", description = "Invalid config: 422 with errors[] per field."
      + " A secret sent as ******** (or left out) keeps its stored value; without `config` the stored"
      + " settings are kept (switch on or off only).")
  public ModuleView configure(@PathParam("id") String id, Configure request) {
    Configure r = RequestBody.require(request);
    return ModuleView.of(modules.configure(caller.tenant(), id, r.enabled() == null || r.enabled(),
        r.config(), caller.agentId()));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Disable", description = "Queued jobs wait and resume on re-enable; discardPending=true drops them.")
  public ModuleView disable(@PathParam("id") String id,
      @QueryParam("discardPending") @DefaultValue("false") boolean discardPending) {
    return ModuleView.of(modules.disable(caller.tenant(), id, discardPending, caller.agentId()));
  }

  @POST
  @Path("{id}/test")
  @Operation(summary = "Test the connection with the saved configuration")
  public ConnectionCheck test(@PathParam("id") String id) {
    return modules.test(caller.tenant(), id);
  }

  @GET
  @Path("{id}/history")
  @Operation(summary = "Who changed the module's settings, when, and which fields (never secret values)")
  public History history(@PathParam("id") String id) {
    return new History(modules.history(caller.tenant(), id).stream().map(ChangeView::of).toList());
  }
}
