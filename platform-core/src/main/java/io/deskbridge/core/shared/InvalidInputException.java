package io.deskbridge.core.shared;

import java.util.List;
import java.util.Map;

/** Thrown when fields are missing or malformed; carries every failing field, not just the first. */
public class InvalidInputException extends DomainException {

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(Kind.INVALID, "invalid-input", describe(errors));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("errors", errors);
  }

  private static String describe(List<FieldError> errors) {
    if (errors.size() == 1) {
      return errors.get(0).field() + ": " + errors.get(0).message();
    }
    return errors.size() + " fields are invalid.";
  }
}
