package io.deskbridge.core.conversation;

/**
 * Why the system, not an agent's resolution, closed a conversation: the customer went silent, or it
 * duplicated another. Kept apart because the customer cannot rate such a close (handbook 001), and no
 * category is asked for. {@link #code()} is stable for storage and the API.
 */
public enum CloseReason {
  SILENCE("silence", "The customer did not answer the agent within the silence period."),
  NO_ANSWER_TO_PROMPT("no-answer-to-prompt",
      "The customer did not answer whether the question is still relevant."),
  DUPLICATE("duplicate", "The customer asked the same in another conversation, which is kept.");

  private final String code;
  private final String description;

  CloseReason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  public String code() {
    return code;
  }

  public static CloseReason ofCode(String code) {
    for (CloseReason reason : values()) {
      if (reason.code.equals(code)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("Unknown close reason: " + code);
  }

  public String description() {
    return description;
  }
}
