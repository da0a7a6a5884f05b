package io.deskbridge.core.shared;

import java.util.Map;

/**
 * The named thing does not exist within the caller's tenant. Another tenant's id lands here too, so
 * the answer never tells whether the id exists elsewhere.
 */
public class NotFoundException extends DomainException {

  private final String what;
  private final Object id;

  public NotFoundException(String what, Object id) {
    super(Kind.NOT_FOUND, "not-found", what + " " + id + " was not found.");
    this.what = what;
    this.id = id;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("resource", what, "id", String.valueOf(id));
  }
}
