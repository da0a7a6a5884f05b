package io.deskbridge.core.autoclose;

import io.deskbridge.core.conversation.CloseReason;
import static io.deskbridge.core.conversation.ConversationStatus.CLOSED;
import static io.deskbridge.core.conversation.ConversationStatus.OPEN;
import static io.deskbridge.core.conversation.ConversationStatus.WAITING_ON_CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deskbridge.core.autoclose.AutoCloseDecision.Close;
import io.deskbridge.core.autoclose.AutoCloseDecision.Exempt;
import io.deskbridge.core.autoclose.AutoCloseDecision.SendPrompt;
import io.deskbridge.core.autoclose.AutoCloseDecision.Wait;
import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.tenant.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Handbook 001: a chat the customer has not answered for 10 minutes closes itself, unless the agent's
 * last message put the customer on hold. The agent's last message is at T0 throughout.
 */
class AutoCloseTest {

  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  private static final String ANSWER = "Готово, проверьте, пожалуйста.";

  private final SilentConversationRule closeDirectly = new SilentConversationRule(AutoClosePolicy.defaults());
  private final SilentConversationRule promptFirst =
      new SilentConversationRule(withPromptWait(Duration.ofMinutes(5)));

  private static Instant minutes(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  private static AutoClosePolicy withPromptWait(Duration promptWait) {
    AutoClosePolicy defaults = AutoClosePolicy.defaults();
    return new AutoClosePolicy(true, defaults.silence(), promptWait, defaults.prompts(), defaults.holdKeywords());
  }

  /** The customer asked a minute before the agent's answer at T0. */
  private static ConversationSilence agentAnswered(String text) {
    return new ConversationSilence(OPEN, T0, text, false, minutes(-1), null);
  }

  private static ConversationSilence prompted(Instant promptSentAt) {
    return new ConversationSilence(OPEN, T0, ANSWER, false, minutes(-1), promptSentAt);
  }

  private static ConversationSilence inStatus(ConversationStatus status) {
    return new ConversationSilence(status, T0, ANSWER, false, minutes(-1), null);
  }

  @Test
  void closesAfterTenMinutesOfCustomerSilence() {
    assertEquals(new Close(CloseReason.SILENCE), closeDirectly.decide(agentAnswered(ANSWER), minutes(10)));
    assertEquals(new Close(CloseReason.SILENCE), closeDirectly.decide(agentAnswered(ANSWER), minutes(60)));
  }

  @Test
  void waitsUntilTheTenMinutesHavePassed() {
    assertEquals(new Wait(minutes(10)), closeDirectly.decide(agentAnswered(ANSWER), minutes(10).minusNanos(1)));
  }

  @Test
  void waitingOnTheCustomerIsACandidateToo() {
    assertEquals(new Close(CloseReason.SILENCE), closeDirectly.decide(inStatus(WAITING_ON_CUSTOMER), minutes(10)));
  }

  @Test
  void theTenantsSilenceIsUsed() {
    AutoClosePolicy defaults = AutoClosePolicy.defaults();
    SilentConversationRule patient = new SilentConversationRule(new AutoClosePolicy(true, Duration.ofMinutes(30),
        Duration.ZERO, defaults.prompts(), defaults.holdKeywords()));

    assertEquals(new Wait(minutes(30)), patient.decide(agentAnswered(ANSWER), minutes(10)));
  }

  @Test
  void withAPromptWaitSilenceFirstAsksWhetherTheQuestionIsStillRelevant() {
    assertEquals(new Wait(minutes(10)), promptFirst.decide(agentAnswered(ANSWER), minutes(9)));
    assertEquals(new SendPrompt(), promptFirst.decide(agentAnswered(ANSWER), minutes(10)));
  }

  @Test
  void anUnansweredPromptClosesAfterThePromptWait() {
    assertEquals(new Wait(minutes(15)), promptFirst.decide(prompted(minutes(10)), minutes(12)));
    assertEquals(new Close(CloseReason.NO_ANSWER_TO_PROMPT),
        promptFirst.decide(prompted(minutes(10)), minutes(15)));
  }

  @Test
  void theCloseWaitCountsFromWhenThePromptWasActuallySent() {
    assertEquals(new Wait(minutes(17)), promptFirst.decide(prompted(minutes(12)), minutes(15)));
  }

  @Test
  void anAnswerToThePromptKeepsTheConversationOpen() {
    ConversationSilence answered = new ConversationSilence(OPEN, T0, ANSWER, false, minutes(11), minutes(10));

    assertEquals(new Exempt(Exemption.CUSTOMER_WROTE_LAST), promptFirst.decide(answered, minutes(20)));
  }

  @Test
  void anAgentMessageAfterThePromptStartsANewSilence() {
    ConversationSilence agentWroteAgain =
        new ConversationSilence(OPEN, minutes(12), ANSWER, false, minutes(-1), minutes(10));

    assertEquals(new Wait(minutes(22)), promptFirst.decide(agentWroteAgain, minutes(16)));
    assertEquals(new SendPrompt(), promptFirst.decide(agentWroteAgain, minutes(22)));
  }

  @Test
  void holdKeywordInLastAgentMessageKeepsConversationOpen() {
    Exempt exempt = (Exempt) closeDirectly.decide(agentAnswered("Одну минуту, уточняю у коллег."), minutes(60));

    assertEquals(Exemption.HOLD_KEYWORD, exempt.reason());
    assertEquals(Exemption.HOLD_KEYWORD.why(), exempt.why());
  }

  @Test
  void fillingARequestKeepsConversationOpen() {
    assertEquals(new Exempt(Exemption.HOLD_KEYWORD),
        promptFirst.decide(agentAnswered("Оформляю заявку, вернусь с ответом."), minutes(60)));
  }

  @Test
  void aSavedReplyMarkedHoldKeepsConversationOpen() {
    ConversationSilence holdReply =
        new ConversationSilence(OPEN, T0, "Please stay with us.", true, minutes(-1), null);

    assertEquals(new Exempt(Exemption.HOLD_REPLY), closeDirectly.decide(holdReply, minutes(60)));
  }

  @Test
  void theTenantsOwnStemsReplaceTheDefaults() {
    AutoClosePolicy defaults = AutoClosePolicy.defaults();
    SilentConversationRule english = new SilentConversationRule(new AutoClosePolicy(true, defaults.silence(),
        Duration.ZERO, defaults.prompts(), new HoldKeywords(List.of("moment"))));

    assertEquals(new Exempt(Exemption.HOLD_KEYWORD),
        english.decide(agentAnswered("One moment please"), minutes(60)));
    assertEquals(new Close(CloseReason.SILENCE), english.decide(agentAnswered("Одну минуту"), minutes(60)));
  }

  @Test
  void theCustomerWritingLastKeepsConversationOpen() {
    ConversationSilence customerLast = new ConversationSilence(OPEN, T0, ANSWER, false, minutes(1), null);

    assertEquals(new Exempt(Exemption.CUSTOMER_WROTE_LAST), closeDirectly.decide(customerLast, minutes(60)));
  }

  @Test
  void messagesAtTheSameInstantCountTheCustomerAsLast() {
    ConversationSilence tie = new ConversationSilence(OPEN, T0, ANSWER, false, T0, null);

    assertEquals(new Exempt(Exemption.CUSTOMER_WROTE_LAST), closeDirectly.decide(tie, minutes(60)));
  }

  @Test
  void aCustomerNobodyHasAnsweredYetIsNotSilent() {
    ConversationSilence unanswered = new ConversationSilence(OPEN, null, null, false, T0, null);

    assertEquals(new Exempt(Exemption.CUSTOMER_WROTE_LAST), closeDirectly.decide(unanswered, minutes(60)));
  }

  @Test
  void anEmptyConversationHasNoSilenceToCount() {
    ConversationSilence empty = new ConversationSilence(OPEN, null, null, false, null, null);

    assertEquals(new Exempt(Exemption.NO_AGENT_MESSAGE), closeDirectly.decide(empty, minutes(60)));
  }

  @Test
  void aClosedConversationIsLeftAlone() {
    assertEquals(new Exempt(Exemption.CLOSED), closeDirectly.decide(inStatus(CLOSED), minutes(60)));
  }

  @ParameterizedTest
  @EnumSource(names = {"ON_HOLD", "WAITING_ON_VENDOR"})
  void holdAndVendorStatusesKeepConversationOpen(ConversationStatus status) {
    assertEquals(new Exempt(Exemption.NOT_WAITING_ON_CUSTOMER),
        closeDirectly.decide(inStatus(status), minutes(60)));
  }

  @Test
  void nothingClosesWhenTheTenantSwitchedItOff() {
    AutoClosePolicy defaults = AutoClosePolicy.defaults();
    SilentConversationRule off = new SilentConversationRule(new AutoClosePolicy(false, defaults.silence(),
        defaults.promptWait(), defaults.prompts(), defaults.holdKeywords()));

    assertEquals(new Exempt(Exemption.DISABLED), off.decide(agentAnswered(ANSWER), minutes(60)));
  }

  @Test
  void theSweeperComesBackWhenTheWaitEnds() {
    assertEquals(Optional.of(minutes(10)), closeDirectly.nextCheck(agentAnswered(ANSWER), minutes(3)));
    assertEquals(Optional.of(minutes(15)), promptFirst.nextCheck(prompted(minutes(10)), minutes(11)));
  }

  @Test
  void aDueCloseOrPromptIsDueNow() {
    assertEquals(Optional.of(minutes(12)), closeDirectly.nextCheck(agentAnswered(ANSWER), minutes(12)));
    assertEquals(Optional.of(minutes(12)), promptFirst.nextCheck(agentAnswered(ANSWER), minutes(12)));
  }

  @Test
  void anExemptConversationNeedsNoCheck() {
    assertEquals(Optional.empty(), closeDirectly.nextCheck(agentAnswered("Минутку"), minutes(3)));
  }

  @Test
  void thePromptTextComesFromThePolicy() {
    assertEquals("Вопрос еще актуален?", withPromptWait(Duration.ofMinutes(5)).prompt(Language.RU));
  }

  @Test
  void closeReasonsAndExemptionsHaveStableCodes() {
    assertEquals("silence", CloseReason.SILENCE.code());
    assertEquals("no-answer-to-prompt", CloseReason.NO_ANSWER_TO_PROMPT.code());
    assertEquals("hold-keyword", Exemption.HOLD_KEYWORD.code());
  }
}
