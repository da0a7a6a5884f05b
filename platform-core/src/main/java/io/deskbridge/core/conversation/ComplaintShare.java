package io.deskbridge.core.conversation;

import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.tenant.TenantRepository;
import io.deskbridge.core.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Complaints as a share of all conversations, week by week in the tenant's time zone (handbook 004:
 * a share over time, never a number to push down).
 */
@ApplicationScoped
@Transactional
public class ComplaintShare {

  public static final int MAX_WEEKS = 52;

  /** One ISO week (Monday to Sunday, tenant time). */
  public record Week(LocalDate weekStart, long conversations, long complaints, double share) {}

  private final ConversationRepository conversations;
  private final TenantRepository tenants;
  private final Clock clock;

  @Inject
  public ComplaintShare(ConversationRepository conversations, TenantRepository tenants, Clock clock) {
    this.conversations = conversations;
    this.tenants = tenants;
    this.clock = clock;
  }

  protected ComplaintShare() {
    this(null, null, null);
  }

  /** The last {@code weeks} weeks, oldest first, the current (unfinished) week last. */
  public List<Week> lastWeeks(TenantId tenant, int weeks) {
    if (weeks < 1 || weeks > MAX_WEEKS) {
      throw new InvalidInputException("weeks", "must be between 1 and " + MAX_WEEKS);
    }
    ZoneId zone = tenants.findById(tenant).map(Tenant::timezone)
        .orElseThrow(() -> new NotFoundException("Tenant", tenant));
    LocalDate thisWeek = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<Week> report = new ArrayList<>();
    for (int i = weeks - 1; i >= 0; i--) {
      LocalDate start = thisWeek.minusWeeks(i);
      var from = start.atStartOfDay(zone).toInstant();
      var to = start.plusWeeks(1).atStartOfDay(zone).toInstant();
      long all = conversations.countCreated(tenant, from, to, false);
      long complaints = conversations.countCreated(tenant, from, to, true);
      report.add(new Week(start, all, complaints, all == 0 ? 0.0 : (double) complaints / all));
    }
    return report;
  }
}
