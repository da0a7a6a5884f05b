package io.deskbridge.web.bootstrap;

import io.deskbridge.core.access.PlatformAdminToken;
import io.deskbridge.core.access.SecretToken;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * First-start duties, after the schema is migrated: make sure a platform admin token exists, create
 * the demo tenant on a zero-setup install, and tell the operator where to go and how to log in.
 * Secrets generated here are printed once and stored only hashed.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class PlatformBootstrap {

  private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class.getName());

  @Inject DeskbridgeSettings settings;
  @Inject PlatformAdminToken adminToken;
  @Inject DemoTenant demo;

  @PostConstruct
  void start() {
    StringBuilder banner = new StringBuilder("\n==== Deskbridge is starting at ").append(settings.publicUrl())
        .append(" ====\n");
    Optional<SecretToken> generated = onceAcrossInstances(() -> adminToken.ensure(settings.adminToken()));
    generated.ifPresent(t -> banner.append("Platform admin token (shown once; set DESKBRIDGE_ADMIN_TOKEN to choose")
        .append(" your own): ").append(t.value()).append('\n'));
    if (settings.createsDemoTenant()) {
      onceAcrossInstances(demo::createIfMissing).ifPresent(logins -> banner
          .append("Demo tenant '").append(DemoTenant.SLUG).append("' created. Logins (shown once):\n")
          .append("  admin: ").append(DemoTenant.ADMIN_EMAIL).append(" / ").append(logins.adminPassword()).append('\n')
          .append("  agent: ").append(DemoTenant.AGENT_EMAIL).append(" / ").append(logins.agentPassword()).append('\n')
          .append("  try:   curl -s -X POST ").append(settings.publicUrl())
          .append("/api/v1/auth/login -H 'Content-Type: application/json' -d '{\"tenant\":\"demo\",\"email\":\"")
          .append(DemoTenant.AGENT_EMAIL).append("\",\"password\":\"").append(logins.agentPassword()).append("\"}'\n"));
    }
    banner.append("Agent app: ").append(settings.publicUrl()).append("/app/  (sign in with a login above)\n");
    banner.append("API: ").append(settings.publicUrl()).append("/api/v1  docs: ").append(settings.publicUrl())
        .append("/api-docs/  health: /health/ready\n");
    LOG.info(banner::toString);
  }

  /**
   * Instances of a cluster that boot together race for the same first-start rows; the loser's
   * insert fails on a unique key, and its second try finds the winner's rows and does nothing.
   */
  private static <T> T onceAcrossInstances(Supplier<T> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      LOG.warning(() -> "First-start step failed (" + e + "); another instance may have done it, trying again");
      return step.get();
    }
  }
}
