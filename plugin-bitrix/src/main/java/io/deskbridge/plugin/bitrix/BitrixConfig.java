package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.Secret;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One tenant's Bitrix24 settings, typed (see {@link BitrixPluginFactory} for the keys). */
record BitrixConfig(URI baseUrl, String authMode, Optional<String> clientId, Optional<Secret> clientSecret,
    Optional<Secret> accessToken, Optional<Secret> refreshToken, Optional<Secret> applicationToken,
    URI oauthServerUrl, String entity, Optional<Long> categoryId, Optional<String> stageId,
    List<String> closeStages, Optional<Long> responsibleUserId, List<String> responsibleUsers,
    boolean syncInternalNotes, String mode,
    Optional<String> openLineId) {

  static final String WEBHOOK = "webhook";
  static final String OAUTH = "oauth";
  static final String LEAD = "lead";
  static final String DEAL = "deal";
  static final String TIMELINE = "timeline";
  static final String OPENLINES = "openlines";

  /** {@code https://portal/rest/{user}/{code}/}: the inbound webhook's root, whose path is its secret. */
  static final Pattern WEBHOOK_ROOT = Pattern.compile(".*/rest/\\d+/[^/]+/?$");

  static BitrixConfig from(PluginConfig c) {
    return new BitrixConfig(c.uri("baseUrl"), c.string("authMode"), Optional.ofNullable(c.string("clientId")),
        Optional.ofNullable(c.secret("clientSecret")), Optional.ofNullable(c.secret("accessToken")),
        Optional.ofNullable(c.secret("refreshToken")), Optional.ofNullable(c.secret("applicationToken")),
        c.uri("oauthServerUrl"), c.string("entity"), c.value("categoryId").map(Long.class::cast),
        Optional.ofNullable(c.string("stageId")).filter(s -> !s.isBlank()), c.list("closeStages"),
        c.value("responsibleUserId").map(Long.class::cast), c.list("responsibleUsers"), c.bool("syncInternalNotes"),
        c.string("mode"),
        Optional.ofNullable(c.string("openLineId")));
  }

  boolean isOAuth() {
    return OAUTH.equals(authMode);
  }

  boolean isDeal() {
    return DEAL.equals(entity);
  }

  /** The REST root with a trailing slash: methods are called as {@code root + method + ".json"}. */
  String restRoot() {
    String s = baseUrl.toString();
    return s.endsWith("/") ? s : s + "/";
  }

  /** The portal's own address, for the links agents open ({@code https://acme.bitrix24.com}). */
  String portal() {
    String s = baseUrl.toString();
    int rest = s.indexOf("/rest");
    return rest < 0 ? (s.endsWith("/") ? s.substring(0, s.length() - 1) : s) : s.substring(0, rest);
  }

  /** The Bitrix24 user {@code responsibleUsers} maps a Deskbridge agent to ({@code 3=17}). */
  Optional<Long> responsibleUserFor(long agentId) {
    String prefix = agentId + "=";
    return responsibleUsers.stream().map(e -> e.replaceAll("\\s", "")).filter(e -> e.startsWith(prefix))
        .map(e -> e.substring(prefix.length()).trim()).filter(u -> u.matches("\\d+")).map(Long::parseLong)
        .findFirst();
  }

  /** {@code closeStages} as Deskbridge category name → stage id; {@code *} is any other category. */
  Map<String, String> stageByCategory() {
    Map<String, String> stages = new LinkedHashMap<>();
    for (String entry : closeStages) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        stages.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
      }
    }
    return stages;
  }
}
