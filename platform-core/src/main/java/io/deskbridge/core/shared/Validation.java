package io.deskbridge.core.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every field error of one request before failing, so a client fixes its input in one
 * round trip instead of one error at a time.
 */
public final class Validation {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final List<FieldError> errors = new ArrayList<>();

  public Validation required(String field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.add(new FieldError(field, "is required"));
    }
    return this;
  }

  public Validation maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
    return this;
  }

  public Validation email(String field, String value) {
    if (value != null && !value.isBlank() && !EMAIL.matcher(value).matches()) {
      errors.add(new FieldError(field, "is not an email address"));
    }
    return this;
  }

  public Validation notEmpty(String field, Collection<?> values) {
    if (values == null || values.isEmpty()) {
      errors.add(new FieldError(field, "must not be empty"));
    }
    return this;
  }

  public Validation check(boolean ok, String field, String message) {
    if (!ok) {
      errors.add(new FieldError(field, message));
    }
    return this;
  }

  public boolean hasErrorFor(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  /** Throws {@link InvalidInputException} listing every collected error, if there are any. */
  public void orThrow() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
