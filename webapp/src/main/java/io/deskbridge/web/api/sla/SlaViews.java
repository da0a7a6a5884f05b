package io.deskbridge.web.api.sla;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.sla.ConversationSlaStatus;
import io.deskbridge.core.sla.SlaPolicy;
import io.deskbridge.core.sla.SlaTimer;
import io.deskbridge.core.sla.TenantSlaPolicy;
import io.deskbridge.core.sla.TenantSupportPlan;
import io.deskbridge.web.api.Timestamps;
import java.util.List;

/** The SLA API's views: durations in their text form (PT1M, 4 business hours), instants in ISO-8601. */
public final class SlaViews {

  private SlaViews() {}

  public record PolicyView(long id, String name, String firstReply, String nextReply, String resolution,
      double warnAtShare, List<String> pausedStatuses, long version) {

    static PolicyView of(TenantSlaPolicy stored) {
      SlaPolicy p = stored.policy();
      return new PolicyView(stored.id(), p.name(), p.firstReply().text(), p.nextReply().text(),
          p.resolution().text(), p.warnAtShare(), p.pausedStatuses().stream().map(Enum::name).sorted().toList(),
          stored.version());
    }
  }

  public record PlanView(long id, String name, String timeToEngage, long policyId, long version) {

    static PlanView of(TenantSupportPlan plan) {
      return new PlanView(plan.id(), plan.name(), plan.timeToEngage().text(), plan.policyId(), plan.version());
    }
  }

  /**
   * One timer: {@code remainingSeconds} is negative when overdue; {@code dueAt}/{@code warnAt} are
   * null while the timer is paused before its target was used up.
   */
  public record TimerView(String target, String state, String startedAt, String dueAt, String warnAt,
      long remainingSeconds, String stoppedAt) {

    static TimerView of(SlaTimer t) {
      return new TimerView(t.target().name(), t.state().name(), Timestamps.iso(t.startedAt()),
          Timestamps.iso(t.dueAt()), Timestamps.iso(t.warnAt()), t.remaining().toSeconds(),
          Timestamps.iso(t.stoppedAt()));
    }
  }

  /** A status the conversation entered and when; it started OPEN at its creation. */
  public record StatusView(String status, String at) {}

  /** The timers with the status history their pauses come from. */
  public record ConversationSlaView(long policyId, String policy, String plan, String engageBy,
      String evaluatedAt, List<TimerView> timers, List<StatusView> statusHistory) {

    public static ConversationSlaView of(Conversation c, ConversationSlaStatus s) {
      return new ConversationSlaView(s.policyId(), s.policyName(), s.planName(), Timestamps.iso(s.engageBy()),
          Timestamps.iso(s.timers().evaluatedAt()), s.timers().timers().stream().map(TimerView::of).toList(),
          c.statusHistory().stream().map(e -> new StatusView(e.status().name(), Timestamps.iso(e.changedAt())))
              .toList());
    }
  }
}
