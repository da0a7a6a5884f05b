package io.deskbridge.core.shared;

import java.util.Map;

/**
 * A broken support rule or a request the domain cannot honour. Each subclass names the rule it
 * guards; {@link #code()} is stable and becomes the problem type the API shows, {@link #kind()} says
 * what sort of failure it is so the web layer can choose a status without knowing the rule.
 */
public abstract class DomainException extends RuntimeException {

  private final String code;
  private final Kind kind;

  protected DomainException(Kind kind, String code, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
  }

  public String code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }

  /** Extra members for the problem document, such as the id the rule was about. */
  public Map<String, Object> details() {
    return Map.of();
  }

  public enum Kind {
    /** The thing does not exist for this tenant (or belongs to another one). */
    NOT_FOUND,
    /** The request contradicts the current state: duplicate, stale version, taken by someone else. */
    CONFLICT,
    /** The request is well-formed but a support rule refuses it (e.g. closing without category). */
    RULE_VIOLATION,
    /** Fields are missing or malformed. */
    INVALID,
    /** Credentials are missing or wrong. */
    UNAUTHENTICATED,
    /** The caller is known but their role does not allow this. */
    FORBIDDEN
  }
}
