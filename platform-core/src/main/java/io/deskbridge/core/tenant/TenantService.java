package io.deskbridge.core.tenant;

import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Opens tenants (platform admin only) together with their first administrator, atomically. */
@ApplicationScoped
@Transactional
public class TenantService {

  private final TenantRepository tenants;
  private final TenantOnboarding onboarding;
  private final TenantDefaults defaults;
  private final Clock clock;

  @Inject
  public TenantService(TenantRepository tenants, TenantOnboarding onboarding, TenantDefaults defaults,
      Clock clock) {
    this.tenants = tenants;
    this.onboarding = onboarding;
    this.defaults = defaults;
    this.clock = clock;
  }

  protected TenantService() {
    this(null, null, null, null);
  }

  public Tenant create(NewTenant request) {
    Validation v = new Validation()
        .required("slug", request.slug())
        .check(request.slug() == null || TenantSlug.isValid(request.slug()), "slug",
            "must be 2-40 lower-case letters, digits or inner hyphens")
        .required("name", request.name())
        .maxLength("name", request.name(), 200)
        .check(request.timezone() == null || isZone(request.timezone()), "timezone",
            "must be an IANA time zone such as Europe/Moscow")
        .check(request.language() == null || Language.fromCode(request.language()).isPresent(),
            "language", "must be ru or en")
        .required("admin", request.admin());
    v.orThrow();
    onboarding.validateFirstAdmin(request.admin());
    if (tenants.slugTaken(request.slug())) {
      throw new ConflictException("duplicate-slug", "A tenant with slug '" + request.slug() + "' exists.");
    }
    Tenant tenant = new Tenant(
        new TenantSlug(request.slug()),
        request.name().trim(),
        request.timezone() == null ? ZoneId.of("UTC") : ZoneId.of(request.timezone()),
        Language.fromCode(request.language()).orElse(Language.EN),
        clock.instant());
    tenants.add(tenant);
    onboarding.createFirstAdmin(tenant, request.admin());
    defaults.store(tenant.tenantId());
    return tenant;
  }

  /** Absent (null) fields stay as they are; a setting whose value is null is removed. */
  public Tenant update(String slug, String name, String timezone, String language,
      java.util.Map<String, String> settings) {
    Validation v = new Validation()
        .check(name == null || !name.isBlank(), "name", "must not be blank")
        .maxLength("name", name, 200)
        .check(timezone == null || isZone(timezone), "timezone",
            "must be an IANA time zone such as Europe/Moscow")
        .check(language == null || Language.fromCode(language).isPresent(), "language", "must be ru or en");
    if (settings != null) {
      settings.forEach((key, value) -> v
          .check(key != null && key.length() <= 100 && !key.isBlank(), "settings", "names must be 1-100 characters")
          .maxLength("settings." + key, value, 4000));
      String maxBytes = settings.get(Tenant.ATTACHMENT_LIMIT_SETTING);
      v.check(maxBytes == null || maxBytes.matches("[1-9][0-9]{0,12}"), "settings." + Tenant.ATTACHMENT_LIMIT_SETTING,
          "must be a positive number of bytes");
    }
    v.orThrow();
    Tenant tenant = get(slug);
    if (name != null) tenant.rename(name.trim());
    if (timezone != null) tenant.changeTimezone(ZoneId.of(timezone));
    if (language != null) tenant.changeLanguage(Language.fromCode(language).orElseThrow());
    if (settings != null) settings.forEach(tenant::putSetting);
    return tenant;
  }

  public Tenant get(String slug) {
    return tenants.findBySlug(slug).orElseThrow(() -> new NotFoundException("Tenant", slug));
  }

  public List<Tenant> list() {
    return tenants.list();
  }

  private static boolean isZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
