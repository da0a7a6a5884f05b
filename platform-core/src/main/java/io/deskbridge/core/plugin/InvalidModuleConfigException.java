package io.deskbridge.core.plugin;

import io.deskbridge.core.shared.DomainException;
import io.deskbridge.core.shared.FieldError;
import java.util.List;
import java.util.Map;

/** A module configuration that cannot be saved; lists every field and why (422). */
public class InvalidModuleConfigException extends DomainException {

  private final String moduleId;
  private final List<FieldError> errors;

  public InvalidModuleConfigException(String moduleId, List<FieldError> errors) {
    super(Kind.RULE_VIOLATION, "invalid-module-config",
        "The configuration of module '" + moduleId + "' has " + errors.size() + " problem(s).");
    this.moduleId = moduleId;
    this.errors = List.copyOf(errors);
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("module", moduleId, "errors", errors);
  }
}
