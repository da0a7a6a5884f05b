package io.deskbridge.web.api.outbox;

import io.deskbridge.core.outbox.JobState;
import io.deskbridge.core.outbox.OutboxJob;
import io.deskbridge.core.outbox.OutboxStore;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.shared.PageLimit;
import io.deskbridge.web.api.ListView;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(AccessLevel.INTEGRATOR)
@Tag(name = "Outbox", description = "What modules owe their vendors: pending, done and dead jobs; retry and discard.")
public class OutboxResource {

  @Inject OutboxStore outbox;
  @Inject CurrentCaller caller;

  @GET
  @Operation(summary = "List jobs, newest first", description = "state=PENDING|IN_FLIGHT|DONE|DEAD|PAUSED|DISCARDED, module")
  public ListView<JobView> list(@QueryParam("state") String state, @QueryParam("module") String module,
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    int size = PageLimit.parse(limit);
    List<OutboxJob> jobs = outbox.list(caller.tenant(), state(state), blankToNull(module), before(cursor), size);
    String next = jobs.size() == size ? Long.toString(jobs.get(jobs.size() - 1).id()) : null;
    return new ListView<>(jobs.stream().map(j -> JobView.of(j, false)).toList(), next);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One job with its payload, attempts and last error")
  public JobView get(@PathParam("id") long id) {
    return JobView.of(outbox.get(caller.tenant(), id), true);
  }

  @POST
  @Path("{id}/retry")
  @Operation(summary = "Deliver a dead (or discarded) job again, with fresh attempts")
  public JobView retry(@PathParam("id") long id) {
    return JobView.of(outbox.retry(caller.tenant(), id), false);
  }

  @POST
  @Path("{id}/discard")
  @Operation(summary = "Drop a job that is not done")
  public JobView discard(@PathParam("id") long id) {
    return JobView.of(outbox.discard(caller.tenant(), id), false);
  }

  private static JobState state(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return JobState.valueOf(state.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("state", "must be one of " + List.of(JobState.values()));
    }
  }

  private static Long before(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("cursor", "is not a cursor this list returned");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
