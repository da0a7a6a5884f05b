package io.deskbridge.core.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A tenant's name in URLs: 2-40 lower-case letters, digits and inner hyphens. */
class TenantSlugTest {

  /** Compile-time constants (annotation values), written as four runs of ten characters. */
  private static final String FORTY = "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij";
  private static final String FORTY_ONE = FORTY + "k";

  @ParameterizedTest
  @ValueSource(strings = {"ab", "a1", "42", "acme", "acme-support", "a--b", FORTY})
  void wellFormedSlugIsAccepted(String slug) {
    assertTrue(TenantSlug.isValid(slug));
    assertEquals(slug, new TenantSlug(slug).value());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"a", "-ab", "ab-", "Ab", "ab c", "ab_c", "acme.io", FORTY_ONE})
  void malformedSlugIsRejectedNamingTheSlugField(String slug) {
    assertFalse(TenantSlug.isValid(slug));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TenantSlug(slug));
    assertEquals(List.of("slug"), e.errors().stream().map(FieldError::field).toList());
  }
}
