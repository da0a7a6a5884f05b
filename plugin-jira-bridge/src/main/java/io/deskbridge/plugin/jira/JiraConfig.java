package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's Jira settings, typed (see {@link JiraPluginFactory} for the keys). Mappings are typed
 * by the admin as {@code name=value} lines, e.g. {@code Billing=Payments} or {@code Gold=High}.
 */
record JiraConfig(URI baseUrl, String deployment, Optional<String> email, Secret apiToken, String projectKey,
    String issueType, Optional<String> defaultPriority, List<String> labels,
    Map<String, String> categoryComponents, Map<String, String> categoryLabels,
    Map<String, String> planPriorities, Optional<URI> dialogBaseUrl, Optional<Secret> webhookSecret,
    Optional<Secret> webhookToken, String wakeOnStatusCategory, Optional<Duration> pollInterval) {

  static final String CLOUD = "cloud";
  static final String DATA_CENTER = "datacenter";

  static JiraConfig from(PluginConfig c) {
    return new JiraConfig(c.uri("baseUrl"), orDefault(c.string("deployment"), CLOUD),
        text(c.string("email")), c.secret("apiToken"), orDefault(c.string("projectKey"), "SUP"),
        orDefault(c.string("issueType"), "Task"), text(c.string("defaultPriority")), c.list("labels"),
        pairs(c.list("categoryComponents")), pairs(c.list("categoryLabels")), pairs(c.list("planPriorities")),
        Optional.ofNullable(c.uri("dialogBaseUrl")), Optional.ofNullable(c.secret("webhookSecret")),
        Optional.ofNullable(c.secret("webhookToken")), orDefault(c.string("wakeOnStatusCategory"), "done"),
        c.value("pollInterval").map(Duration.class::cast));
  }

  /** Cloud speaks REST v3 with Atlassian Document Format; Data Center speaks v2 with wiki text. */
  boolean isCloud() {
    return !DATA_CENTER.equals(deployment);
  }

  /** The site's address without a trailing slash, for API calls and for links agents open. */
  String site() {
    String s = baseUrl.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  String browseUrl(String issueKey) {
    return site() + "/browse/" + issueKey;
  }

  /** @return the mapping lines that are not {@code name=value}, for validation */
  static List<String> malformed(List<String> lines) {
    return lines.stream().filter(l -> l.indexOf('=') <= 0 || l.indexOf('=') == l.length() - 1).toList();
  }

  private static Map<String, String> pairs(List<String> lines) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      if (eq > 0 && eq < line.length() - 1) {
        map.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return map;
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).filter(s -> !s.isBlank());
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
