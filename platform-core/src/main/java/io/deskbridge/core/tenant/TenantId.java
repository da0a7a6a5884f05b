package io.deskbridge.core.tenant;

/** The tenant every repository call is scoped by; a typed id so it cannot be confused with others. */
public record TenantId(long value) {

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
