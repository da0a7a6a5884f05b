package io.deskbridge.core.access;

import io.deskbridge.core.shared.DomainException;

/** Login or token failed. The message is the same for an unknown email and a wrong password. */
public class InvalidCredentialsException extends DomainException {

  public InvalidCredentialsException() {
    super(Kind.UNAUTHENTICATED, "invalid-credentials", "The email or password is not right.");
  }

  private InvalidCredentialsException(String code, String message) {
    super(Kind.UNAUTHENTICATED, code, message);
  }

  /** No usable bearer token on a request that needs one. */
  public static InvalidCredentialsException badToken() {
    return new InvalidCredentialsException("invalid-token",
        "Send a valid token as 'Authorization: Bearer …'; this one is missing, unknown, expired or revoked.");
  }
}
