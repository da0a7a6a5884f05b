package io.deskbridge.plugin.amocrm;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which lead a new conversation of a known contact goes to. A sales team works one open lead per
 * customer, so an open lead in the configured pipeline is reused; a closed one is history (a new
 * lead), unless the tenant prefers to move it back into work.
 */
final class LeadPolicy {

  /** What to do with the contact's leads. */
  sealed interface Choice {}

  record Reuse(Lead lead) implements Choice {}

  record Reopen(Lead lead, long stage) implements Choice {}

  record CreateNew() implements Choice {}

  static final String NEW = "new";
  static final String REOPEN = "reopen";

  private final Optional<Long> pipeline;
  private final Optional<Long> reopenAt;

  /** @param reopenAt the stage a closed lead moves back to; empty: closed leads are left alone */
  LeadPolicy(Optional<Long> pipeline, Optional<Long> reopenAt) {
    this.pipeline = pipeline;
    this.reopenAt = reopenAt;
  }

  Choice choose(List<Lead> leads) {
    List<Lead> ours = leads.stream().filter(l -> pipeline.map(p -> p == l.pipelineId()).orElse(true))
        .sorted(Comparator.comparingLong(Lead::id).reversed()).toList();
    Optional<Lead> open = ours.stream().filter(l -> !l.isClosed()).findFirst();
    if (open.isPresent()) {
      return new Reuse(open.get());
    }
    if (reopenAt.isPresent() && !ours.isEmpty()) {
      return new Reopen(ours.get(0), reopenAt.get());
    }
    return new CreateNew();
  }
}
