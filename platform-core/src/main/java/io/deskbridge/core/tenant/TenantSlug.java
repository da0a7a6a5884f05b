package io.deskbridge.core.tenant;

import io.deskbridge.core.shared.InvalidInputException;
import java.util.regex.Pattern;

/** The tenant's name in URLs: lower-case letters, digits and inner hyphens, 2 to 40 characters. */
public record TenantSlug(String value) {

  private static final Pattern SHAPE = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])$");

  public TenantSlug {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new InvalidInputException(
          "slug", "must be 2-40 lower-case letters, digits or inner hyphens");
    }
  }

  public static boolean isValid(String value) {
    return value != null && SHAPE.matcher(value).matches();
  }
}
