package io.deskbridge.core.widget;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.tenant.Language;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantSlug;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The widget is on for every site until an admin narrows it down or switches it off. */
class WidgetSettingsTest {

  private static Tenant tenant(String enabled, String origins) {
    Tenant tenant = new Tenant(new TenantSlug("acme"), "Acme", ZoneId.of("UTC"), Language.EN, Instant.EPOCH);
    tenant.putSetting(WidgetSettings.ENABLED_SETTING, enabled);
    tenant.putSetting(WidgetSettings.ORIGINS_SETTING, origins);
    return tenant;
  }

  @Test
  void byDefaultTheWidgetIsOnForAnySite() {
    WidgetSettings settings = WidgetSettings.of(tenant(null, null));
    assertTrue(settings.enabled());
    assertTrue(settings.allows("https://shop.example"));
  }

  @Test
  void anAdminCanSwitchItOff() {
    assertFalse(WidgetSettings.of(tenant("false", null)).enabled());
    assertTrue(WidgetSettings.of(tenant("true", null)).enabled());
  }

  @Test
  void listedOriginsAreTheOnlySitesAllowed() {
    WidgetSettings settings = WidgetSettings.of(tenant(null, " https://Shop.example/ , http://localhost:3000"));
    assertTrue(settings.allows("https://shop.example"));
    assertTrue(settings.allows("http://localhost:3000"));
    assertFalse(settings.allows("https://evil.example"));
    assertFalse(settings.allows(null));
  }
}
