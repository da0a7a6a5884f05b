package io.deskbridge.web.api.rules;

import io.deskbridge.core.autoclose.AutoClosePolicy;
import io.deskbridge.core.autoclose.HoldKeywords;
import io.deskbridge.core.rules.SupportRulesService;
import io.deskbridge.core.rules.WorkflowOptions;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.sla.BusinessHours;
import io.deskbridge.core.sla.OpeningPeriod;
import io.deskbridge.core.tenant.Language;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.api.rules.RulesView.PeriodView;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's support rules (handbooks 001, 003): every number and word list of the handbooks is a
 * default here that an admin can change. Each PUT replaces its group; omitted optional fields take
 * the handbook default.
 */
@Path("tenants/{tenant}/rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Support rules", description = "Auto-close, business hours, reopen window, vendor reply, round-robin.")
public class RulesResource {

  @Inject SupportRulesService rules;
  @Inject CurrentCaller caller;

  record AutoCloseRequest(Boolean enabled, String silence, String promptWait, Map<String, String> prompts,
      List<String> holdKeywords) {}

  record BusinessHoursRequest(String timezone, List<PeriodView> periods, List<String> holidays) {}

  record WorkflowRequest(String reopenWindow, Long vendorReplyId, Boolean autoAssign, Long defaultPolicyId,
      Long ourClientsPolicyId) {}

  @GET
  @Access(AccessLevel.STAFF)
  @Operation(summary = "The tenant's rules, defaults included")
  public RulesView get() {
    return RulesView.of(rules.rules(caller.tenant()));
  }

  @PUT
  @Path("auto-close")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Change the auto-close rule",
      description = "silence (ISO-8601, required): close after the agent's last message was not answered"
          + " this long; promptWait (default PT0S = close directly): first ask prompts[language], then close"
          + " after this; holdKeywords: word stems that keep a conversation open (default минут, оформляю).")
  public RulesView autoClose(AutoCloseRequest request) {
    AutoCloseRequest r = RequestBody.require(request);
    AutoClosePolicy defaults = AutoClosePolicy.defaults();
    Duration silence = TextValues.duration("silence", r.silence());
    Duration promptWait = r.promptWait() == null ? Duration.ZERO : TextValues.duration("promptWait", r.promptWait());
    Map<Language, String> prompts = r.prompts() == null ? defaults.prompts() : prompts(r.prompts());
    HoldKeywords keywords = r.holdKeywords() == null ? defaults.holdKeywords() : new HoldKeywords(r.holdKeywords());
    boolean enabled = r.enabled() == null || r.enabled();
    return RulesView.of(rules.changeAutoClose(caller.tenant(),
        new AutoClosePolicy(enabled, silence, promptWait, prompts, keywords)));
  }

  @PUT
  @Path("business-hours")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Change the business-hours calendar",
      description = "timezone (required); periods: [{day: MONDAY, from: 09:00, to: 18:00}], several per day"
          + " allowed, to 00:00 means midnight; holidays: ISO dates closed all day.")
  public RulesView businessHours(BusinessHoursRequest request) {
    BusinessHoursRequest r = RequestBody.require(request);
    List<OpeningPeriod> periods = new ArrayList<>();
    List<PeriodView> given = r.periods() == null ? List.of() : r.periods();
    for (int i = 0; i < given.size(); i++) {
      PeriodView p = given.get(i);
      String field = "periods[" + i + "]";
      if (p == null) {
        throw new InvalidInputException(field, "needs a day, a start and an end");
      }
      periods.add(new OpeningPeriod(day(field + ".day", p.day()), TextValues.time(field + ".from", p.from()),
          TextValues.time(field + ".to", p.to())));
    }
    Set<LocalDate> holidays = new HashSet<>();
    List<String> dates = r.holidays() == null ? List.of() : r.holidays();
    for (int i = 0; i < dates.size(); i++) {
      holidays.add(TextValues.date("holidays[" + i + "]", dates.get(i)));
    }
    BusinessHours hours = BusinessHours.of(TextValues.zone("timezone", r.timezone()), periods, holidays);
    return RulesView.of(rules.changeBusinessHours(caller.tenant(), hours));
  }

  @PUT
  @Path("workflow")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Change the workflow switches",
      description = "reopenWindow (ISO-8601, default P7D, PT0S = never reopen); vendorReplyId: saved reply sent"
          + " when a third-party category is chosen; autoAssign: round-robin among online agents (default"
          + " false); defaultPolicyId / ourClientsPolicyId: SLA policies.")
  public RulesView workflow(WorkflowRequest request) {
    WorkflowRequest r = RequestBody.require(request);
    Duration reopen = r.reopenWindow() == null
        ? io.deskbridge.core.rules.SupportRules.DEFAULT_REOPEN_WINDOW
        : TextValues.duration("reopenWindow", r.reopenWindow());
    return RulesView.of(rules.changeWorkflow(caller.tenant(), new WorkflowOptions(reopen, r.vendorReplyId(),
        Boolean.TRUE.equals(r.autoAssign()), r.defaultPolicyId(), r.ourClientsPolicyId())));
  }

  private static Map<Language, String> prompts(Map<String, String> given) {
    Map<Language, String> prompts = new EnumMap<>(Language.class);
    given.forEach((code, text) -> prompts.put(Language.fromCode(code)
        .orElseThrow(() -> new InvalidInputException("prompts." + code, "must be a supported language (ru, en)")),
        text));
    return prompts;
  }

  private static DayOfWeek day(String field, String text) {
    try {
      return DayOfWeek.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "must be a day of the week such as MONDAY");
    }
  }
}
