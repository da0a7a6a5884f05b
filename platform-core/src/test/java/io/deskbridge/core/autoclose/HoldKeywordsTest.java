package io.deskbridge.core.autoclose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Handbook 001: a saved reply with "минут" or "оформляю" keeps the chat from closing itself. */
class HoldKeywordsTest {

  private final HoldKeywords defaults = HoldKeywords.defaults();

  private static List<String> failingFields(List<String> stems) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new HoldKeywords(stems));
    return e.errors().stream().map(FieldError::field).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Одну минуту, пожалуйста, уточняю.",
      "Подождите 5 минут",
      "Минутку!",
      "Это займёт пару минут.",
      "Оформляю заявку на возврат.",
      "Спасибо. Оформляю",
      "Проверяю (минуты две)",
      "5минут"})
  void wordFormsOfTheDefaultStemsHold(String message) {
    assertTrue(defaults.holds(message), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Оформляем заявку",
      "Пятиминутка окончена",
      "Готово, проверьте, пожалуйста.",
      "Спасибо за обращение!"})
  void otherWordsAndStemsInsideAWordDoNotHold(String message) {
    assertFalse(defaults.holds(message), message);
  }

  @Test
  void matchingIgnoresCase() {
    assertTrue(defaults.holds("ОДНУ МИНУТУ"));
    assertTrue(defaults.holds("оФоРмЛяЮ"));
  }

  @Test
  void aStemInTheMiddleOfAWordDoesNotHold() {
    HoldKeywords english = new HoldKeywords(List.of("minute"));

    assertTrue(english.holds("Give me a Minute, please"));
    assertFalse(english.holds("pminutes"));
    assertFalse(english.holds("an hourminute"));
  }

  @Test
  void decomposedLettersStillMatch() {
    HoldKeywords stems = new HoldKeywords(List.of("займусь"));
    String decomposed = Normalizer.normalize("Сейчас займусь", Normalizer.Form.NFD);

    assertTrue(stems.holds(decomposed));
  }

  @Test
  void aStressMarkDoesNotEndAWord() {
    // U+0301 has no precomposed Cyrillic form, so it stays a combining mark inside the word.
    assertFalse(defaults.holds("за\u0301минутка"));
    assertTrue(defaults.holds("за\u0301 минутку"));
  }

  @Test
  void noTextHoldsNothing() {
    assertFalse(defaults.holds(null));
    assertFalse(defaults.holds(""));
    assertFalse(new HoldKeywords(List.of()).holds("Одну минуту"));
  }

  @Test
  void stemsAreStoredTrimmedLowerCaseAndOnce() {
    assertEquals(List.of("минут", "оформляю"), new HoldKeywords(List.of(" Минут ", "минут", "ОФОРМЛЯЮ")).stems());
  }

  @Test
  void blankStemsAreReportedByTheirIndex() {
    assertEquals(List.of("holdKeywords[1]", "holdKeywords[2]"), failingFields(Arrays.asList("минут", "  ", null)));
  }

  @Test
  void stemsLongerThanFiftyCharactersAreRefused() {
    String fifty = "м".repeat(50);

    assertEquals(List.of(fifty), new HoldKeywords(List.of(fifty)).stems());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new HoldKeywords(List.of("минут", fifty + "ы")));
    assertEquals(List.of(new FieldError("holdKeywords[1]", "must be at most 50 characters")), e.errors());
  }

  @Test
  void theListIsRequired() {
    assertEquals(List.of("holdKeywords"), failingFields(null));
  }
}
