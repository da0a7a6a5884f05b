package io.deskbridge.core.autoclose;

import io.deskbridge.core.conversation.CloseReason;
import io.deskbridge.core.autoclose.AutoCloseDecision.Close;
import io.deskbridge.core.autoclose.AutoCloseDecision.Exempt;
import io.deskbridge.core.autoclose.AutoCloseDecision.SendPrompt;
import io.deskbridge.core.autoclose.AutoCloseDecision.Wait;
import io.deskbridge.core.conversation.ConversationStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, purely, whether a silent conversation should close (handbook 001). A candidate is open or
 * waiting on the customer, and its last public message is the agent's; silence counts from that
 * message. With no prompt wait the conversation closes once the silence has lasted; otherwise the
 * customer is asked "is your question still relevant?" then, and the conversation closes when the
 * prompt wait has passed too. Boundaries are inclusive: at exactly 10 minutes it closes.
 *
 * <p>A last agent message with a hold keyword, or from a saved reply marked hold, keeps the
 * conversation open; so do the statuses ON_HOLD and WAITING_ON_VENDOR, in which the customer's
 * silence is expected (a vendor may take days, handbook 000).
 */
public final class SilentConversationRule {

  private static final Set<ConversationStatus> WAITING_ON_CUSTOMER =
      Set.of(ConversationStatus.OPEN, ConversationStatus.WAITING_ON_CUSTOMER);

  private final AutoClosePolicy policy;

  public SilentConversationRule(AutoClosePolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  public AutoCloseDecision decide(ConversationSilence conversation, Instant now) {
    Optional<Exemption> exemption = exemption(conversation);
    if (exemption.isPresent()) {
      return new Exempt(exemption.get());
    }
    Instant silenceEnds = conversation.lastAgentMessageAt().plus(policy.silence());
    if (!policy.sendsPrompt()) {
      return now.isBefore(silenceEnds) ? new Wait(silenceEnds) : new Close(CloseReason.SILENCE);
    }
    Optional<Instant> prompted = promptAfterLastAgentMessage(conversation);
    if (prompted.isEmpty()) {
      return now.isBefore(silenceEnds) ? new Wait(silenceEnds) : new SendPrompt();
    }
    Instant promptExpires = prompted.get().plus(policy.promptWait());
    return now.isBefore(promptExpires)
        ? new Wait(promptExpires)
        : new Close(CloseReason.NO_ANSWER_TO_PROMPT);
  }

  /**
   * When the sweeper should look at this conversation next: the end of the current wait, {@code now}
   * when a prompt or a close is due, or empty when exempt (a new message or status change re-indexes it).
   */
  public Optional<Instant> nextCheck(ConversationSilence conversation, Instant now) {
    AutoCloseDecision decision = decide(conversation, now);
    if (decision instanceof Wait wait) {
      return Optional.of(wait.until());
    }
    return decision instanceof Exempt ? Optional.empty() : Optional.of(now);
  }

  private Optional<Exemption> exemption(ConversationSilence conversation) {
    if (!policy.enabled()) {
      return Optional.of(Exemption.DISABLED);
    }
    if (conversation.status() == ConversationStatus.CLOSED) {
      return Optional.of(Exemption.CLOSED);
    }
    if (!WAITING_ON_CUSTOMER.contains(conversation.status())) {
      return Optional.of(Exemption.NOT_WAITING_ON_CUSTOMER);
    }
    Instant agentWrote = conversation.lastAgentMessageAt();
    Instant customerWrote = conversation.lastCustomerMessageAt();
    if (agentWrote == null) {
      return Optional.of(customerWrote == null ? Exemption.NO_AGENT_MESSAGE : Exemption.CUSTOMER_WROTE_LAST);
    }
    // At the same instant the customer counts as last: never close on a tie.
    if (customerWrote != null && !customerWrote.isBefore(agentWrote)) {
      return Optional.of(Exemption.CUSTOMER_WROTE_LAST);
    }
    if (conversation.lastAgentMessageIsHoldReply()) {
      return Optional.of(Exemption.HOLD_REPLY);
    }
    if (policy.holdKeywords().holds(conversation.lastAgentMessageText())) {
      return Optional.of(Exemption.HOLD_KEYWORD);
    }
    return Optional.empty();
  }

  /** A prompt sent before the agent's latest message belongs to an earlier silence and no longer counts. */
  private static Optional<Instant> promptAfterLastAgentMessage(ConversationSilence conversation) {
    Instant prompt = conversation.promptSentAt();
    boolean sinceLastAgentMessage = prompt != null && !prompt.isBefore(conversation.lastAgentMessageAt());
    return sinceLastAgentMessage ? Optional.of(prompt) : Optional.empty();
  }
}
