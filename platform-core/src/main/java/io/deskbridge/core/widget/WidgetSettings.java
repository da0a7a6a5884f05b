package io.deskbridge.core.widget;

import io.deskbridge.core.tenant.Tenant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A tenant's chat widget switches, kept as tenant settings so an admin changes them with the
 * existing {@code PATCH /tenants/{t}}: {@code widget.enabled} ("false" hides the widget) and
 * {@code widget.allowedOrigins} (comma-separated site origins; empty or "*" allows any site).
 */
public record WidgetSettings(boolean enabled, List<String> allowedOrigins) {

  public static final String ENABLED_SETTING = "widget.enabled";
  public static final String ORIGINS_SETTING = "widget.allowedOrigins";

  public static WidgetSettings of(Tenant tenant) {
    String enabled = tenant.settings().get(ENABLED_SETTING);
    String origins = tenant.settings().getOrDefault(ORIGINS_SETTING, "");
    return new WidgetSettings(enabled == null || !enabled.trim().equalsIgnoreCase("false"),
        Arrays.stream(origins.split(",")).map(String::trim).filter(o -> !o.isEmpty())
            .map(WidgetSettings::normalize).toList());
  }

  /** Whether a page served from {@code origin} (scheme://host[:port]) may talk to the widget API. */
  public boolean allows(String origin) {
    if (allowedOrigins.isEmpty() || allowedOrigins.contains("*")) {
      return true;
    }
    return origin != null && allowedOrigins.contains(normalize(origin));
  }

  /** Browsers send origins without a trailing slash and with a lower-case host; admins may not. */
  private static String normalize(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
  }
}
