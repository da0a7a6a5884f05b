package io.deskbridge.core.widget;

import io.deskbridge.core.shared.DomainException;

/** A visitor token that this server did not issue for this tenant. */
public class UnknownVisitorException extends DomainException {

  public UnknownVisitorException() {
    super(Kind.UNAUTHENTICATED, "invalid-visitor",
        "The visitor token is missing or not valid here; start a new visit.");
  }
}
