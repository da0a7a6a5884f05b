package io.deskbridge.core.autoclose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.tenant.Language;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tenant's auto-close settings, defaulting to handbook 001: close after 10 silent minutes. */
class AutoClosePolicyTest {

  private static final Map<Language, String> PROMPTS =
      Map.of(Language.RU, "Вопрос еще актуален?", Language.EN, "Is your question still relevant?");

  private static AutoClosePolicy policy(Duration silence, Duration promptWait, Map<Language, String> prompts) {
    return new AutoClosePolicy(true, silence, promptWait, prompts, HoldKeywords.defaults());
  }

  private static List<String> failingFields(Duration silence, Duration promptWait, Map<Language, String> prompts) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> policy(silence, promptWait, prompts));
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void defaultsCloseAfterTenMinutesWithoutAPrompt() {
    AutoClosePolicy defaults = AutoClosePolicy.defaults();

    assertTrue(defaults.enabled());
    assertEquals(Duration.ofMinutes(10), defaults.silence());
    assertEquals(Duration.ZERO, defaults.promptWait());
    assertFalse(defaults.sendsPrompt());
    assertEquals(PROMPTS, defaults.prompts());
    assertEquals(HoldKeywords.defaults(), defaults.holdKeywords());
  }

  @Test
  void negativeDurationsAreRefusedTogether() {
    assertEquals(List.of("silence", "promptWait"),
        failingFields(Duration.ofMinutes(-1), Duration.ofSeconds(-1), PROMPTS));
  }

  @Test
  void silenceMustBeLongerThanZero() {
    assertEquals(List.of("silence"), failingFields(Duration.ZERO, Duration.ZERO, PROMPTS));
  }

  @Test
  void missingPartsAreRequired() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new AutoClosePolicy(true, null, null, null, null));

    assertEquals(List.of("silence", "promptWait", "prompts", "holdKeywords"),
        e.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void aBlankPromptIsReportedByItsLanguage() {
    assertEquals(List.of("prompts.ru"), failingFields(Duration.ofMinutes(10), Duration.ZERO,
        Map.of(Language.RU, " ", Language.EN, "Still there?")));
  }

  @Test
  void aPromptLongerThanAThousandCharactersIsRefused() {
    assertEquals(List.of("prompts.en"), failingFields(Duration.ofMinutes(10), Duration.ZERO,
        Map.of(Language.EN, "x".repeat(1001))));
  }

  @Test
  void sendingAPromptNeedsAText() {
    assertEquals(List.of("prompts"), failingFields(Duration.ofMinutes(10), Duration.ofMinutes(5), Map.of()));
    assertEquals(Map.of(), policy(Duration.ofMinutes(10), Duration.ZERO, Map.of()).prompts());
  }

  @Test
  void thePromptIsInTheCustomersLanguage() {
    AutoClosePolicy policy = policy(Duration.ofMinutes(10), Duration.ofMinutes(5), PROMPTS);

    assertTrue(policy.sendsPrompt());
    assertEquals("Вопрос еще актуален?", policy.prompt(Language.RU));
    assertEquals("Is your question still relevant?", policy.prompt(Language.EN));
  }

  @Test
  void withoutATranslationThePromptFallsBackToEnglishThenToWhatExists() {
    AutoClosePolicy englishOnly = policy(Duration.ofMinutes(10), Duration.ofMinutes(5),
        Map.of(Language.EN, "Still relevant?"));
    AutoClosePolicy russianOnly = policy(Duration.ofMinutes(10), Duration.ofMinutes(5),
        Map.of(Language.RU, "Актуально?"));

    assertEquals("Still relevant?", englishOnly.prompt(Language.RU));
    assertEquals("Актуально?", russianOnly.prompt(Language.EN));
  }
}
