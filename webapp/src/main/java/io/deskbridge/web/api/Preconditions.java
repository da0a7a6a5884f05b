package io.deskbridge.web.api;

import io.deskbridge.core.shared.InvalidInputException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * Optimistic concurrency over HTTP: GET returns the version as an ETag, and a change sent with
 * {@code If-Match} is refused with 409 when someone changed the resource in between.
 */
public final class Preconditions {

  public static final String IF_MATCH = "If-Match";

  private Preconditions() {}

  /** The version the client based its change on, or {@code null} when it sent no If-Match. */
  public static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    String value = ifMatch.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("If-Match", "must be an ETag this API returned, such as \"3\"");
    }
  }

  public static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, long version) {
    return response.tag(new EntityTag(Long.toString(version)));
  }
}
