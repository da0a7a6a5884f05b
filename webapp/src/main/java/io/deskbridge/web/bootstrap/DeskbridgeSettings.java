package io.deskbridge.web.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's configuration, read once from MicroProfile Config (environment variables win). */
@ApplicationScoped
public class DeskbridgeSettings {

  @Inject
  @ConfigProperty(name = "deskbridge.admin.token")
  Optional<String> adminToken;

  @Inject
  @ConfigProperty(name = "deskbridge.db.url", defaultValue = "embedded")
  String dbUrl;

  @Inject
  @ConfigProperty(name = "deskbridge.port", defaultValue = "8080")
  int port;

  @Inject
  @ConfigProperty(name = "deskbridge.public.url")
  Optional<String> publicUrl;

  @Inject
  @ConfigProperty(name = "deskbridge.demo")
  Optional<Boolean> demo;

  @Inject
  @ConfigProperty(name = "deskbridge.http.max-request-bytes", defaultValue = "16777216")
  long maxRequestBytes;

  public Optional<String> adminToken() {
    return adminToken.filter(t -> !t.isBlank());
  }

  public boolean isEmbeddedDatabase() {
    return dbUrl.isBlank() || dbUrl.equals("embedded") || dbUrl.startsWith("jdbc:h2:");
  }

  /** The address people open; links to dialogs are built from it. */
  public String publicUrl() {
    String url = publicUrl.filter(u -> !u.isBlank()).orElse("http://localhost:" + port);
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The demo tenant is created on the zero-setup H2 database unless switched off. */
  public boolean createsDemoTenant() {
    return demo.orElse(isEmbeddedDatabase());
  }

  public long maxRequestBytes() {
    return maxRequestBytes;
  }
}
