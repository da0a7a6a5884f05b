package io.deskbridge.core.widget;

import io.deskbridge.core.shared.DomainException;

/** The tenant switched its chat widget off ({@code widget.enabled=false}), or the site is not allowed. */
public class WidgetDisabledException extends DomainException {

  public WidgetDisabledException(String code, String message) {
    super(Kind.FORBIDDEN, code, message);
  }

  public static WidgetDisabledException switchedOff() {
    return new WidgetDisabledException("widget-disabled", "The chat widget is switched off for this workspace.");
  }

  public static WidgetDisabledException originNotAllowed(String origin) {
    return new WidgetDisabledException("origin-not-allowed",
        "The chat widget of this workspace is not allowed on " + origin + ".");
  }
}
