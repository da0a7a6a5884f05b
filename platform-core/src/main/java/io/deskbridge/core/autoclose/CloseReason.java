package io.deskbridge.core.autoclose;

/**
 * Why a conversation closed itself. Kept apart from an agent's resolution because the customer cannot
 * rate a conversation closed for silence (handbook 001). {@link #code()} is stable for storage.
 */
public enum CloseReason {
  SILENCE("silence", "The customer did not answer the agent within the silence period."),
  NO_ANSWER_TO_PROMPT("no-answer-to-prompt",
      "The customer did not answer whether the question is still relevant.");

  private final String code;
  private final String description;

  CloseReason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  public String code() {
    return code;
  }

  public String description() {
    return description;
  }
}
