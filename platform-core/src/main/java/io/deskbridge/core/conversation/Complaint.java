package io.deskbridge.core.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A conversation marked as a complaint and how far the agent got through the five steps. Steps are
 * checked in order; checking one twice changes nothing.
 */
@Embeddable
public class Complaint {

  @Column(name = "complaint_marked_at")
  private Instant markedAt;

  @Column(name = "complaint_steps", length = 100)
  private String steps;

  protected Complaint() {}

  static Complaint markedAt(Instant at) {
    Complaint c = new Complaint();
    c.markedAt = at;
    c.steps = "";
    return c;
  }

  void check(ComplaintStep step, long conversationId) {
    List<ComplaintStep> done = steps();
    if (done.contains(step)) {
      return;
    }
    ComplaintStep expected = ComplaintStep.values()[done.size()];
    if (step != expected) {
      throw new ConversationRuleException("complaint-step-out-of-order", conversationId,
          "Complaint steps go in order; the next one is " + expected + ", not " + step + ".");
    }
    steps = steps.isEmpty() ? step.name() : steps + "," + step.name();
  }

  public Instant markedAt() {
    return markedAt;
  }

  public List<ComplaintStep> steps() {
    if (steps == null || steps.isBlank()) {
      return List.of();
    }
    return new ArrayList<>(Arrays.stream(steps.split(",")).map(ComplaintStep::valueOf).toList());
  }

  public boolean isAnswered() {
    return steps().contains(ComplaintStep.ANSWERED);
  }
}
