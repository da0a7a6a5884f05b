package io.deskbridge.web.api;

import io.deskbridge.core.shared.InvalidInputException;

/** A POST or PUT without a body is a client error with a clear message, not a null deep inside. */
public final class RequestBody {

  private RequestBody() {}

  public static <T> T require(T body) {
    if (body == null) {
      throw new InvalidInputException("body", "a JSON request body is required");
    }
    return body;
  }
}
