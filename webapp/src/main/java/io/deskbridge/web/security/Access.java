package io.deskbridge.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares who may call a resource method (or every method of a resource class). Every resource
 * method must be covered: an endpoint without it is refused, so a forgotten check fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {
  AccessLevel value();
}
