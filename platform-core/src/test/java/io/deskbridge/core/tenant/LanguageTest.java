package io.deskbridge.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The languages a tenant supports customers in, read from API codes. */
class LanguageTest {

  @Test
  void codeIsReadWhateverItsCase() {
    assertEquals(Optional.of(Language.RU), Language.fromCode("RU"));
    assertEquals(Optional.of(Language.RU), Language.fromCode("ru"));
  }

  @Test
  void codeIsReadWithSurroundingSpaces() {
    assertEquals(Optional.of(Language.EN), Language.fromCode(" en "));
  }

  @Test
  void unsupportedOrMissingCodeGivesNoLanguage() {
    assertEquals(Optional.empty(), Language.fromCode("de"));
    assertEquals(Optional.empty(), Language.fromCode(""));
    assertEquals(Optional.empty(), Language.fromCode(null));
  }

  @Test
  void codeIsLowerCase() {
    assertEquals("ru", Language.RU.code());
    assertEquals("en", Language.EN.code());
  }
}
