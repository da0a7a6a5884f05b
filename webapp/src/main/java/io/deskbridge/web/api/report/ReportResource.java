package io.deskbridge.web.api.report;

import io.deskbridge.core.conversation.ComplaintShare;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(AccessLevel.STAFF)
@Tag(name = "Reports", description = "Product signals from the inbox.")
public class ReportResource {

  @Inject ComplaintShare complaints;
  @Inject CurrentCaller caller;

  record WeekView(String weekStart, long conversations, long complaints, double share) {}

  record ComplaintReport(List<WeekView> items) {}

  @GET
  @Path("complaints")
  @Operation(summary = "Complaints as a share of all conversations, per week (tenant time zone)",
      description = "weeks: 1-52, default 12; the current week last.")
  public ComplaintReport complaints(@QueryParam("weeks") String weeks) {
    int count;
    try {
      count = weeks == null || weeks.isBlank() ? 12 : Integer.parseInt(weeks.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("weeks", "must be a whole number between 1 and " + ComplaintShare.MAX_WEEKS);
    }
    return new ComplaintReport(complaints.lastWeeks(caller.tenant(), count).stream()
        .map(w -> new WeekView(w.weekStart().toString(), w.conversations(), w.complaints(), w.share()))
        .toList());
  }
}
