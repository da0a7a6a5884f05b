package io.deskbridge.core.autoclose;

import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.Language;
import java.time.Duration;
import java.util.Map;

/**
 * A tenant's rule for closing conversations the customer has gone silent in (handbook 001): after
 * {@code silence} without an answer to the agent, close; or, when {@code promptWait} is more than
 * zero, first ask "is your question still relevant?" and close if that is not answered within
 * {@code promptWait} either.
 *
 * <p>Guarantees: a silence longer than zero, a prompt wait of zero or more, prompt texts that are not
 * blank and at most 1000 characters, at least one prompt text when a prompt is sent, and hold keywords.
 */
public record AutoClosePolicy(boolean enabled, Duration silence, Duration promptWait,
    Map<Language, String> prompts, HoldKeywords holdKeywords) {

  public static final int MAX_PROMPT_LENGTH = 1000;

  public AutoClosePolicy {
    Validation validation = new Validation()
        .required("silence", silence)
        .required("promptWait", promptWait)
        .required("prompts", prompts)
        .required("holdKeywords", holdKeywords);
    if (silence != null) {
      validation.check(!silence.isNegative() && !silence.isZero(), "silence", "must be longer than zero");
    }
    if (promptWait != null) {
      validation.check(!promptWait.isNegative(), "promptWait", "must not be negative");
    }
    if (prompts != null) {
      checkPrompts(prompts, promptWait, validation);
    }
    validation.orThrow();
    prompts = Map.copyOf(prompts);
  }

  /**
   * Handbook 001: enabled, 10 minutes of silence, then close directly (the handbook's question is
   * the agent's fallback when the automatic close did not happen); the prompt texts are ready for
   * tenants who switch the prompt on.
   */
  public static AutoClosePolicy defaults() {
    return new AutoClosePolicy(true, Duration.ofMinutes(10), Duration.ZERO,
        Map.of(Language.RU, "Вопрос еще актуален?", Language.EN, "Is your question still relevant?"),
        HoldKeywords.defaults());
  }

  private static void checkPrompts(
      Map<Language, String> prompts, Duration promptWait, Validation validation) {
    prompts.forEach((language, text) -> {
      String field = "prompts." + (language == null ? "null" : language.code());
      validation.check(language != null, field, "must name a supported language");
      validation.check(text != null && !text.isBlank(), field, "must not be blank");
      validation.check(text == null || text.length() <= MAX_PROMPT_LENGTH, field,
          "must be at most " + MAX_PROMPT_LENGTH + " characters");
    });
    boolean sendsPrompt = promptWait != null && !promptWait.isNegative() && !promptWait.isZero();
    validation.check(!sendsPrompt || !prompts.isEmpty(), "prompts",
        "needs a text in at least one language when the prompt is sent");
  }

  /** True when silence leads to the "still relevant?" prompt rather than straight to closing. */
  public boolean sendsPrompt() {
    return !promptWait.isZero();
  }

  /** The prompt in the customer's language, else in English, else in any language the tenant wrote. */
  public String prompt(Language language) {
    String text = prompts.get(language);
    if (text == null) {
      text = prompts.get(Language.EN);
    }
    if (text == null) {
      text = prompts.values().stream().findFirst()
          .orElseThrow(() -> new IllegalStateException("This policy has no prompt text."));
    }
    return text;
  }
}
