package io.deskbridge.core.autoclose;

import io.deskbridge.core.conversation.CloseReason;
import java.time.Instant;
import java.util.Objects;

/** What the {@link SilentConversationRule} says to do with a conversation now. */
public sealed interface AutoCloseDecision {

  /** Nothing yet; look again at {@code until}. */
  record Wait(Instant until) implements AutoCloseDecision {

    public Wait {
      Objects.requireNonNull(until, "until");
    }
  }

  /** Ask the customer whether the question is still relevant ({@link AutoClosePolicy#prompt}). */
  record SendPrompt() implements AutoCloseDecision {}

  /** Close the conversation without a rating request. */
  record Close(CloseReason reason) implements AutoCloseDecision {

    public Close {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The conversation is not a candidate; nothing changes until a message or a status change. */
  record Exempt(Exemption reason) implements AutoCloseDecision {

    public Exempt {
      Objects.requireNonNull(reason, "reason");
    }

    public String why() {
      return reason.why();
    }
  }
}
