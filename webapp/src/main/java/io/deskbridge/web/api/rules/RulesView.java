package io.deskbridge.web.api.rules;

import io.deskbridge.core.autoclose.AutoClosePolicy;
import io.deskbridge.core.rules.SupportRules;
import io.deskbridge.core.rules.WorkflowOptions;
import io.deskbridge.core.sla.BusinessHours;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;

/** A tenant's support rules in the API's text forms: ISO durations, zone ids, ISO dates. */
public record RulesView(AutoCloseView autoClose, BusinessHoursView businessHours, WorkflowView workflow) {

  public record AutoCloseView(boolean enabled, String silence, String promptWait, Map<String, String> prompts,
      List<String> holdKeywords) {

    static AutoCloseView of(AutoClosePolicy p) {
      Map<String, String> prompts = new TreeMap<>();
      p.prompts().forEach((language, text) -> prompts.put(language.code(), text));
      return new AutoCloseView(p.enabled(), p.silence().toString(), p.promptWait().toString(), prompts,
          p.holdKeywords().stems());
    }
  }

  public record PeriodView(String day, String from, String to) {}

  public record BusinessHoursView(String timezone, List<PeriodView> periods, List<String> holidays) {

    static BusinessHoursView of(BusinessHours h) {
      return new BusinessHoursView(h.zone().getId(),
          h.periods().stream().map(p -> new PeriodView(p.day().name(), p.from().toString(), p.to().toString())).toList(),
          h.holidays().stream().sorted().map(Object::toString).toList());
    }
  }

  public record WorkflowView(String reopenWindow, Long vendorReplyId, boolean autoAssign, Long defaultPolicyId,
      Long ourClientsPolicyId) {

    static WorkflowView of(WorkflowOptions w) {
      return new WorkflowView(w.reopenWindow().toString(), w.vendorReplyId(), w.autoAssign(), w.defaultPolicyId(),
          w.ourClientsPolicyId());
    }
  }

  static RulesView of(SupportRules rules) {
    return new RulesView(AutoCloseView.of(rules.autoClosePolicy()), BusinessHoursView.of(rules.businessHours()),
        WorkflowView.of(rules.workflow()));
  }
}
