package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.event.ConversationAssigned;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.CustomerUpdated;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.Secret;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** One tenant's amoCRM settings, typed (see {@link AmoCrmPluginFactory} for the keys). */
record AmoCrmConfig(URI baseUrl, String authMode, Optional<Secret> accessToken, Optional<String> clientId,
    Optional<Secret> clientSecret, Optional<String> redirectUri, Optional<Long> pipelineId,
    Optional<Long> statusId, boolean syncInternalNotes, Optional<Secret> webhookToken, String mode,
    Optional<URI> amojoBaseUrl, Optional<String> channelId, Optional<Secret> channelSecret,
    Optional<String> channelBotId, List<String> syncEvents) {

  /** The events an admin may switch off; a new conversation always syncs (it makes the lead). */
  static final List<String> OPTIONAL_EVENTS = List.of(MessageAdded.TYPE, ConversationClosed.TYPE,
      ConversationAssigned.TYPE, CustomerUpdated.TYPE);

  static final String TOKEN = "token";
  static final String OAUTH = "oauth";
  static final String NOTES = "notes";
  static final String CHAT = "chat";

  static AmoCrmConfig from(PluginConfig c) {
    return new AmoCrmConfig(c.uri("baseUrl"), c.string("authMode"),
        Optional.ofNullable(c.secret("accessToken")), Optional.ofNullable(c.string("clientId")),
        Optional.ofNullable(c.secret("clientSecret")), Optional.ofNullable(c.uri("redirectUri")).map(Object::toString),
        c.value("pipelineId").map(Long.class::cast), c.value("statusId").map(Long.class::cast),
        c.bool("syncInternalNotes"), Optional.ofNullable(c.secret("webhookToken")), c.string("mode"),
        Optional.ofNullable(c.uri("amojoBaseUrl")), Optional.ofNullable(c.string("channelId")).filter(s -> !s.isBlank()),
        Optional.ofNullable(c.secret("channelSecret")),
        Optional.ofNullable(c.string("channelBotId")).filter(s -> !s.isBlank()),
        c.list("syncEvents").isEmpty() ? OPTIONAL_EVENTS : List.copyOf(c.list("syncEvents")));
  }

  /** Whether the admin chose to sync events of this type. */
  boolean syncs(String eventType) {
    return !OPTIONAL_EVENTS.contains(eventType) || syncEvents.contains(eventType);
  }

  /** Conversations live in amoCRM's own chat inbox (the Chats API) rather than as lead notes. */
  boolean isChat() {
    return CHAT.equals(mode);
  }

  boolean isOAuth() {
    return OAUTH.equals(authMode);
  }

  /** The account's address without a trailing slash, for API calls and for links agents open. */
  String base() {
    String s = baseUrl.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
