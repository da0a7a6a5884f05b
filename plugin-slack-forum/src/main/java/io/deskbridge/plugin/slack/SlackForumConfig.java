package io.deskbridge.plugin.slack;

import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's Slack #forum settings, typed (see {@link SlackForumPluginFactory} for the keys).
 *
 * @param autoAfter empty when only agents ask (configured as empty, PT0S or {@code manual})
 */
record SlackForumConfig(URI baseUrl, Secret botToken, Secret signingSecret, String channel,
    Map<String, String> categoryChannels, Optional<Duration> autoAfter, boolean askOnSlaWarning,
    boolean sharePlan, boolean shareCustomerName, boolean maskContacts) {

  static SlackForumConfig from(PluginConfig c) {
    URI base = c.uri("baseUrl") == null ? URI.create("https://slack.com/api/") : c.uri("baseUrl");
    return new SlackForumConfig(base, c.secret("botToken"), c.secret("signingSecret"),
        orDefault(c.string("channel"), "#forum"), pairs(c.list("categoryChannels")),
        autoAfter(c.string("autoAfter")).orElse(Optional.empty()), flag(c, "askOnSlaWarning", true), flag(c, "sharePlan", true),
        flag(c, "shareCustomerName", false), flag(c, "maskContacts", true));
  }

  /**
   * @return empty when the value is no valid setting; inside, empty for manual only
   */
  static Optional<Optional<Duration>> autoAfter(String value) {
    if (value == null) {
      return Optional.of(Optional.of(Duration.ofMinutes(5)));
    }
    if (value.isBlank() || value.trim().equalsIgnoreCase("manual")) {
      return Optional.of(Optional.empty());
    }
    try {
      Duration d = Duration.parse(value.trim());
      return d.isNegative() ? Optional.empty() : Optional.of(Optional.of(d).filter(x -> !x.isZero()));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The channel a question of this category is asked in. */
  String channelFor(Optional<String> category) {
    return category.map(categoryChannels::get).orElse(channel);
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

  private static boolean flag(PluginConfig c, String key, boolean fallback) {
    return c.value(key).map(Boolean.class::cast).orElse(fallback);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
