package io.deskbridge.core.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The token that lets the operator create tenants. Only its digest is kept; when the operator
 * configures none, one is generated on first boot and shown once.
 */
@ApplicationScoped
@Transactional
public class PlatformAdminToken {

  static final String PREFIX = "dbadmin_";

  private final AccessRepository access;

  @Inject
  public PlatformAdminToken(AccessRepository access) {
    this.access = access;
  }

  protected PlatformAdminToken() {
    this(null);
  }

  /**
   * Makes sure a token exists. A configured token always wins (its digest replaces the stored one).
   *
   * @return the generated token when this call created one, to be shown to the operator once
   */
  public Optional<SecretToken> ensure(Optional<String> configured) {
    Optional<PlatformSetting> stored = access.setting(PlatformSetting.ADMIN_TOKEN_DIGEST);
    if (configured.isPresent()) {
      String digest = SecretToken.digestOf(configured.get());
      if (stored.isEmpty() || !stored.get().value().equals(digest)) {
        stored.ifPresent(access::remove);
        access.add(new PlatformSetting(PlatformSetting.ADMIN_TOKEN_DIGEST, digest));
      }
      return Optional.empty();
    }
    if (stored.isPresent()) {
      return Optional.empty();
    }
    SecretToken generated = SecretToken.generate(PREFIX);
    access.add(new PlatformSetting(PlatformSetting.ADMIN_TOKEN_DIGEST, generated.digest()));
    return Optional.of(generated);
  }

  public boolean accepts(String bearer) {
    return access
        .setting(PlatformSetting.ADMIN_TOKEN_DIGEST)
        .map(s -> MessageDigest.isEqual(
            s.value().getBytes(StandardCharsets.US_ASCII),
            SecretToken.digestOf(bearer).getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
  }
}
