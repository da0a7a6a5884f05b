package io.deskbridge.core.rules;

import io.deskbridge.core.autoclose.AutoClosePolicy;
import io.deskbridge.core.autoclose.HoldKeywords;
import io.deskbridge.core.sla.BusinessHours;
import io.deskbridge.core.sla.OpeningPeriod;
import io.deskbridge.core.tenant.Language;
import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's own settings of the handbook rules that are not SLA policies: the reopen window, the
 * auto-close policy with its hold keywords, the business-hours calendar, the "waiting for the vendor"
 * saved reply, round-robin assignment, and which SLA policies apply by default and to our clients.
 * Every value starts at the handbook's default; the row is written the first time an admin changes one.
 */
@Entity
@Table(name = "support_rules")
public class SupportRules {

  /** Handbook 001 names no window; a week keeps a late "thanks, one more thing" in its dialog. */
  public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofDays(7);

  private static final List<OpeningPeriod> WORKING_WEEK = Arrays.stream(DayOfWeek.values())
      .filter(day -> day.getValue() <= 5)
      .map(day -> new OpeningPeriod(day, LocalTime.of(9, 0), LocalTime.of(18, 0)))
      .toList();

  @Id
  @Column(name = "tenant_id")
  private Long tenantId;

  @Column(name = "reopen_window", nullable = false, length = 40)
  private String reopenWindow;

  @Column(name = "auto_close_enabled", nullable = false)
  private boolean autoCloseEnabled;

  @Column(nullable = false, length = 40)
  private String silence;

  @Column(name = "prompt_wait", nullable = false, length = 40)
  private String promptWait;

  @Column(name = "prompt_ru", length = 1000)
  private String promptRu;

  @Column(name = "prompt_en", length = 1000)
  private String promptEn;

  /** One stem per line. */
  @Column(name = "hold_keywords", nullable = false, length = 2600)
  private String holdKeywords;

  @Column(name = "vendor_reply_id")
  private Long vendorReplyId;

  @Column(name = "auto_assign", nullable = false)
  private boolean autoAssign;

  @Column(name = "default_policy_id")
  private Long defaultPolicyId;

  @Column(name = "our_clients_policy_id")
  private Long ourClientsPolicyId;

  @Column(name = "calendar_zone", nullable = false, length = 64)
  private String calendarZone;

  /** "MONDAY 09:00-18:00" per period, comma-separated. */
  @Column(name = "calendar_periods", nullable = false, length = 4000)
  private String calendarPeriods;

  /** ISO dates, comma-separated. */
  @Column(name = "calendar_holidays", nullable = false, length = 4000)
  private String calendarHolidays;

  @Version private long version;

  protected SupportRules() {}

  /** The handbook defaults; the calendar is Monday to Friday 09:00–18:00 in the tenant's zone. */
  public static SupportRules defaults(TenantId tenant, ZoneId zone) {
    SupportRules rules = new SupportRules();
    rules.tenantId = tenant.value();
    rules.reopenWindow = DEFAULT_REOPEN_WINDOW.toString();
    rules.changeAutoClose(AutoClosePolicy.defaults());
    rules.changeBusinessHours(BusinessHours.of(zone, WORKING_WEEK, Set.of()));
    return rules;
  }

  public void changeAutoClose(AutoClosePolicy policy) {
    autoCloseEnabled = policy.enabled();
    silence = policy.silence().toString();
    promptWait = policy.promptWait().toString();
    promptRu = policy.prompts().get(Language.RU);
    promptEn = policy.prompts().get(Language.EN);
    holdKeywords = String.join("\n", policy.holdKeywords().stems());
  }

  public void changeBusinessHours(BusinessHours hours) {
    calendarZone = hours.zone().getId();
    calendarPeriods = hours.periods().stream()
        .map(p -> p.day() + " " + p.from() + "-" + p.to())
        .collect(Collectors.joining(","));
    calendarHolidays = hours.holidays().stream().sorted().map(LocalDate::toString)
        .collect(Collectors.joining(","));
  }

  public void changeWorkflow(WorkflowOptions options) {
    reopenWindow = options.reopenWindow().toString();
    vendorReplyId = options.vendorReplyId();
    autoAssign = options.autoAssign();
    defaultPolicyId = options.defaultPolicyId();
    ourClientsPolicyId = options.ourClientsPolicyId();
  }

  public AutoClosePolicy autoClosePolicy() {
    Map<Language, String> prompts = new EnumMap<>(Language.class);
    if (promptRu != null) {
      prompts.put(Language.RU, promptRu);
    }
    if (promptEn != null) {
      prompts.put(Language.EN, promptEn);
    }
    List<String> stems = holdKeywords.isEmpty() ? List.of() : List.of(holdKeywords.split("\n"));
    return new AutoClosePolicy(autoCloseEnabled, Duration.parse(silence), Duration.parse(promptWait), prompts,
        new HoldKeywords(stems));
  }

  public BusinessHours businessHours() {
    List<OpeningPeriod> periods = calendarPeriods.isEmpty() ? List.of()
        : Arrays.stream(calendarPeriods.split(",")).map(SupportRules::period).toList();
    Set<LocalDate> holidays = calendarHolidays.isEmpty() ? Set.of()
        : Arrays.stream(calendarHolidays.split(",")).map(LocalDate::parse).collect(Collectors.toSet());
    return BusinessHours.of(ZoneId.of(calendarZone), periods, holidays);
  }

  public WorkflowOptions workflow() {
    return new WorkflowOptions(reopenWindow(), vendorReplyId, autoAssign, defaultPolicyId, ourClientsPolicyId);
  }

  public Duration reopenWindow() {
    return Duration.parse(reopenWindow);
  }

  public Optional<Long> vendorReplyId() {
    return Optional.ofNullable(vendorReplyId);
  }

  public boolean autoAssign() {
    return autoAssign;
  }

  public Optional<Long> defaultPolicyId() {
    return Optional.ofNullable(defaultPolicyId);
  }

  public Optional<Long> ourClientsPolicyId() {
    return Optional.ofNullable(ourClientsPolicyId);
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public long version() {
    return version;
  }

  private static OpeningPeriod period(String text) {
    String[] dayAndTimes = text.split(" ");
    String[] times = dayAndTimes[1].split("-");
    return new OpeningPeriod(DayOfWeek.valueOf(dayAndTimes[0]), LocalTime.parse(times[0]), LocalTime.parse(times[1]));
  }
}
