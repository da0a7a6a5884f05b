package io.deskbridge.core.autoclose;

/** Why a conversation is not closing for silence. {@link #code()} is stable for the API. */
public enum Exemption {
  DISABLED("disabled", "Auto-close is switched off for this tenant."),
  CLOSED("closed", "The conversation is already closed."),
  NOT_WAITING_ON_CUSTOMER("not-waiting-on-customer",
      "The conversation is on hold or waiting on a vendor, so the customer's silence is expected."),
  NO_AGENT_MESSAGE("no-agent-message", "No agent has written yet, so there is no silence to count."),
  CUSTOMER_WROTE_LAST("customer-wrote-last", "The customer wrote last; the next move is the agent's."),
  HOLD_REPLY("hold-reply", "The agent's last message is a saved reply marked hold."),
  HOLD_KEYWORD("hold-keyword", "The agent's last message puts the customer on hold (a hold keyword).");

  private final String code;
  private final String why;

  Exemption(String code, String why) {
    this.code = code;
    this.why = why;
  }

  public String code() {
    return code;
  }

  public String why() {
    return why;
  }
}
