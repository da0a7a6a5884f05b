package io.deskbridge.web.api.rules;

import io.deskbridge.core.rules.SupportRulesService;
import io.deskbridge.core.rules.WorkflowOptions;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stand-in for the rules admin API, which replaces this file: only the workflow switches. */
@Path("tenants/{tenant}/rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rules", description = "The tenant's support rules.")
public class RulesResource {

  @Inject SupportRulesService rules;
  @Inject CurrentCaller caller;

  record Workflow(String reopenWindow, Long vendorReplyId, boolean autoAssign, Long defaultPolicyId,
      Long ourClientsPolicyId) {}

  @PUT
  @Path("workflow")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Change the workflow switches", description = "reopenWindow is ISO-8601 (P7D).")
  public Workflow changeWorkflow(Workflow request) {
    Workflow r = RequestBody.require(request);
    WorkflowOptions changed = rules.changeWorkflow(caller.tenant(), new WorkflowOptions(duration(r.reopenWindow()),
        r.vendorReplyId(), r.autoAssign(), r.defaultPolicyId(), r.ourClientsPolicyId())).workflow();
    return new Workflow(changed.reopenWindow().toString(), changed.vendorReplyId(), changed.autoAssign(),
        changed.defaultPolicyId(), changed.ourClientsPolicyId());
  }

  private static Duration duration(String value) {
    try {
      return value == null || value.isBlank() ? null : Duration.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("reopenWindow", "must be an ISO-8601 duration such as P7D");
    }
  }
}
