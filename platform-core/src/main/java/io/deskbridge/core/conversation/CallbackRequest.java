package io.deskbridge.core.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A long chat that is better solved by voice (handbook 001): the customer's phone and the time they
 * prefer, shown on the conversation until an agent marks the call done.
 */
@Embeddable
public class CallbackRequest {

  @Column(name = "callback_phone", length = 32)
  private String phone;

  @Column(name = "callback_at")
  private Instant preferredAt;

  @Column(name = "callback_requested_at")
  private Instant requestedAt;

  protected CallbackRequest() {}

  CallbackRequest(String phone, Instant preferredAt, Instant requestedAt) {
    this.phone = phone;
    this.preferredAt = preferredAt;
    this.requestedAt = requestedAt;
  }

  public String phone() {
    return phone;
  }

  public Instant preferredAt() {
    return preferredAt;
  }

  public Instant requestedAt() {
    return requestedAt;
  }
}
