package io.deskbridge.core.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One status a conversation entered, and when: the history the SLA timers' pauses come from. */
@Embeddable
public class StatusEntry {

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ConversationStatus status;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected StatusEntry() {}

  StatusEntry(ConversationStatus status, Instant changedAt) {
    this.status = status;
    this.changedAt = changedAt;
  }

  public ConversationStatus status() {
    return status;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
