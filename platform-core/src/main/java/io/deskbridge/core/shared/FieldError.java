package io.deskbridge.core.shared;

/** One field that failed validation, with a reason a person can act on. */
public record FieldError(String field, String message) {}
