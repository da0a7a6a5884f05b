package io.deskbridge.core.autoclose;

import io.deskbridge.core.shared.Validation;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The word stems that mark an agent's message as putting the customer on hold, which stops the
 * auto-close (handbook 001: "минут" for "one minute, please", "оформляю" for "I am filing a request").
 *
 * <p>A stem matches at the start of a word, in any case: {@code минут} matches "минуту", "5 минут"
 * and "Минутку", but not a stem in the middle of a word. A word starts after anything that is not a
 * letter or a combining mark, so "5минут" matches too. Text is compared in Unicode NFC, so a
 * decomposed "й" from some keyboards still matches.
 *
 * <p>Guarantees: stems are stripped, lower-case, NFC, distinct, 1 to 50 characters; none may be blank.
 * An empty list is allowed and holds nothing.
 */
public record HoldKeywords(List<String> stems) {

  public static final int MAX_LENGTH = 50;

  public HoldKeywords {
    Validation validation = new Validation().required("holdKeywords", stems);
    if (stems != null) {
      for (int i = 0; i < stems.size(); i++) {
        String stem = stems.get(i);
        String field = "holdKeywords[" + i + "]";
        validation.check(stem != null && !stem.isBlank(), field, "must not be blank");
        validation.check(stem == null || length(stem.strip()) <= MAX_LENGTH, field,
            "must be at most " + MAX_LENGTH + " characters");
      }
    }
    validation.orThrow();
    stems = stems.stream().map(HoldKeywords::normalize).distinct().toList();
  }

  /** Handbook 001's stems. */
  public static HoldKeywords defaults() {
    return new HoldKeywords(List.of("минут", "оформляю"));
  }

  /** True when a stem starts a word of the agent's message; false for no text. */
  public boolean holds(String agentMessageText) {
    if (agentMessageText == null || agentMessageText.isEmpty()) {
      return false;
    }
    String text = normalize(agentMessageText);
    return stems.stream().anyMatch(stem -> startsAWord(text, stem));
  }

  private static boolean startsAWord(String text, String stem) {
    for (int at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) {
      if (at == 0 || !isWordCharacter(text.codePointBefore(at))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWordCharacter(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isLetter(codePoint)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static String normalize(String text) {
    return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
