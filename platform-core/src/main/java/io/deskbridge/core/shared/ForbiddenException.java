package io.deskbridge.core.shared;

/** The caller is authenticated but their role does not allow the action. */
public class ForbiddenException extends DomainException {

  public ForbiddenException(String message) {
    super(Kind.FORBIDDEN, "forbidden", message);
  }
}
