package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ConfigType;
import io.deskbridge.core.plugin.spi.ModuleVersion;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.plugin.spi.RateLimit;
import io.deskbridge.core.shared.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * amoCRM (Kommo): each conversation becomes a note trail on a lead of the customer's contact. The
 * configuration keys and the webhook path {@code /hooks/{tenant}/amocrm/{webhookToken}} are a public
 * contract (issue 6); never rename one.
 */
public final class AmoCrmPluginFactory implements PluginFactory {

  public static final String ID = "amocrm";

  /** amoCRM answers 429 above 7 requests per second per integration. */
  static final int REQUESTS_PER_SECOND = 7;

  static final ConfigProperty BASE_URL = ConfigProperty.of("baseUrl", ConfigType.URL, "Account address")
      .required().help("https://{subdomain}.amocrm.ru or https://{subdomain}.kommo.com").build();
  static final ConfigProperty AUTH_MODE = ConfigProperty.of("authMode", ConfigType.ENUM, "Authorisation")
      .options(List.of(AmoCrmConfig.TOKEN, AmoCrmConfig.OAUTH)).defaultValue(AmoCrmConfig.TOKEN)
      .help("token: a long-lived token of a private integration; oauth: an external integration.").build();
  static final ConfigProperty ACCESS_TOKEN = ConfigProperty.of("accessToken", ConfigType.SECRET, "Long-lived token")
      .help("Settings → Integrations → your private integration → Keys and scopes.").build();
  static final ConfigProperty CLIENT_ID = ConfigProperty.of("clientId", ConfigType.STRING, "Integration ID").build();
  static final ConfigProperty CLIENT_SECRET =
      ConfigProperty.of("clientSecret", ConfigType.SECRET, "Integration secret key").build();
  static final ConfigProperty REDIRECT_URI = ConfigProperty.of("redirectUri", ConfigType.URL, "Redirect URI")
      .help("Register {public URL}/hooks/{tenant}/amocrm/{webhookToken}/oauth in the integration.").build();
  static final ConfigProperty PIPELINE_ID = ConfigProperty.of("pipelineId", ConfigType.INTEGER, "Pipeline id")
      .help("Pipeline of new leads; empty: the account's main pipeline.").build();
  static final ConfigProperty STATUS_ID = ConfigProperty.of("statusId", ConfigType.INTEGER, "Stage id")
      .help("Stage of new leads; empty: the pipeline's first stage.").build();
  static final ConfigProperty SYNC_INTERNAL_NOTES =
      ConfigProperty.of("syncInternalNotes", ConfigType.BOOLEAN, "Copy internal notes")
          .defaultValue("false").help("Internal notes are staff-only; they become lead notes only if checked.")
          .build();
  static final ConfigProperty WEBHOOK_TOKEN = ConfigProperty.of("webhookToken", ConfigType.SECRET, "Webhook token")
      .help("Secret part of /hooks/{tenant}/amocrm/{webhookToken}, the address amoCRM's webhooks call.").build();
  static final ConfigProperty MODE = ConfigProperty.of("mode", ConfigType.ENUM, "Mode")
      .options(List.of("notes", "chat")).defaultValue("notes")
      .help("notes: messages become lead notes. chat: conversations also appear in amoCRM's own chat inbox"
          + " and managers may answer there (needs a Chats API channel).").build();
  static final ConfigProperty AMOJO_BASE_URL =
      ConfigProperty.of("amojoBaseUrl", ConfigType.URL, "Chats API address")
          .help("https://amojo.amocrm.ru or https://amojo.kommo.com; chat mode only.").build();
  static final ConfigProperty CHANNEL_ID = ConfigProperty.of("channelId", ConfigType.STRING, "Chat channel id")
      .help("The channel id amoCRM issued when the chat channel was registered; chat mode only.").build();
  static final ConfigProperty CHANNEL_SECRET =
      ConfigProperty.of("channelSecret", ConfigType.SECRET, "Chat channel secret")
          .help("Signs our Chats API requests and proves amoCRM's chat webhooks to"
              + " /hooks/{tenant}/amocrm/chat; chat mode only.").build();
  static final ConfigProperty CHANNEL_BOT_ID = ConfigProperty.of("channelBotId", ConfigType.STRING, "Channel bot id")
      .help("The bot id from the channel registration; agents' replies then show as that bot in amoCRM.").build();

  static final ConfigProperty CLOSED_LEAD_POLICY =
      ConfigProperty.of("closedLeadPolicy", ConfigType.ENUM, "When the contact's lead is closed")
          .options(List.of(LeadPolicy.NEW, LeadPolicy.REOPEN)).defaultValue(LeadPolicy.NEW)
          .help("new: a new lead for the new conversation. reopen: the latest won or lost lead moves back to"
              + " the stage statusId.").build();

  static final ConfigProperty CATEGORY_STAGES =
      ConfigProperty.of("categoryStages", ConfigType.LIST, "Stage per closing category")
          .help("category=stage id, e.g. Billing=142, Bug=31415926: closing a conversation in that category"
              + " moves its lead to the stage (142 won, 143 lost). Other categories leave the stage alone.")
          .build();

  static final ConfigProperty RESPONSIBLE_USERS =
      ConfigProperty.of("responsibleUsers", ConfigType.LIST, "amoCRM user per agent")
          .help("agent email=amoCRM user id, e.g. ivan@acme.test=504141 (ids: amoCRM → Settings → Users).")
          .build();
  static final ConfigProperty FALLBACK_USER_ID =
      ConfigProperty.of("fallbackUserId", ConfigType.INTEGER, "Fallback amoCRM user id")
          .help("Responsible for leads no mapped agent owns; empty: the integration's own user.").build();
  static final ConfigProperty RESPONSIBLE_STRATEGY =
      ConfigProperty.of("responsibleStrategy", ConfigType.ENUM, "Responsible user of a lead")
          .options(ResponsibleUser.STRATEGIES).defaultValue(ResponsibleUser.MAPPING)
          .help("mapping: the assigned agent's user (follows reassignment). roundRobin: the listed users in"
              + " turn. firstToAnswer: the user of the first agent who replies to the customer.").build();

  static final ConfigProperty CONTACT_TAGS = ConfigProperty.of("contactTags", ConfigType.LIST, "Customer tags to copy")
      .help("Customer tags the amoCRM contact carries too: vip, or vip=VIP client to name it differently in"
          + " amoCRM. Unlisted tags stay in Deskbridge.").build();
  static final ConfigProperty CONTACT_FIELDS =
      ConfigProperty.of("contactFields", ConfigType.LIST, "Customer attributes to contact fields")
          .help("attribute=amoCRM contact field id, e.g. plan=512345 (ids: amoCRM → Settings → Fields).")
          .build();

  static final ConfigProperty SYNC_EVENTS = ConfigProperty.of("syncEvents", ConfigType.LIST, "What to sync")
      .options(AmoCrmConfig.OPTIONAL_EVENTS).defaultValue(String.join(",", AmoCrmConfig.OPTIONAL_EVENTS))
      .help("message.created: messages as notes (or chat messages); conversation.closed: the summary note and"
          + " stage; conversation.assigned: the responsible user; customer.updated: contact tags and fields."
          + " A new conversation always finds or creates the contact and lead.").build();

  private final String version = ModuleVersion.of(AmoCrmPluginFactory.class);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "amoCRM (Kommo)";
  }

  @Override
  public String description() {
    return "Finds or creates the customer's contact and lead in amoCRM and writes the conversation on the"
        + " lead as notes, or (chat mode) into amoCRM's chat inbox where managers may answer; lead stage"
        + " changes come back as internal notes.";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<ConfigProperty> configSpec() {
    return List.of(BASE_URL, AUTH_MODE, ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, PIPELINE_ID,
        STATUS_ID, SYNC_INTERNAL_NOTES, WEBHOOK_TOKEN, MODE, AMOJO_BASE_URL, CHANNEL_ID, CHANNEL_SECRET,
        CHANNEL_BOT_ID, CLOSED_LEAD_POLICY, CATEGORY_STAGES, RESPONSIBLE_USERS, FALLBACK_USER_ID,
        RESPONSIBLE_STRATEGY, CONTACT_TAGS, CONTACT_FIELDS, SYNC_EVENTS);
  }

  @Override
  public List<FieldError> validate(PluginConfig config) {
    AmoCrmConfig amo = AmoCrmConfig.from(config);
    List<FieldError> errors = new ArrayList<>();
    if (amo.isChat()) {
      if (amo.amojoBaseUrl().isEmpty()) {
        errors.add(new FieldError(AMOJO_BASE_URL.key(), "is required in chat mode"));
      }
      requireText(errors, CHANNEL_ID, amo.channelId().orElse(null), "chat mode");
      requireText(errors, CHANNEL_SECRET, amo.channelSecret().map(s -> s.reveal()).orElse(null), "chat mode");
      if (!amo.syncs(MessageAdded.TYPE)) {
        errors.add(new FieldError(SYNC_EVENTS.key(), "chat mode carries messages: keep message.created"));
      }
    }
    if (amo.isOAuth()) {
      requireText(errors, CLIENT_ID, amo.clientId().orElse(null), "this authorisation");
      requireText(errors, CLIENT_SECRET, amo.clientSecret().map(s -> s.reveal()).orElse(null), "this authorisation");
      requireText(errors, REDIRECT_URI, amo.redirectUri().orElse(null), "this authorisation");
      requireText(errors, WEBHOOK_TOKEN, amo.webhookToken().map(s -> s.reveal()).orElse(null), "this authorisation");
    } else {
      requireText(errors, ACCESS_TOKEN, amo.accessToken().map(s -> s.reveal()).orElse(null), "this authorisation");
    }
    errors.addAll(LeadRules.problems(config));
    return errors;
  }

  private static void requireText(List<FieldError> errors, ConfigProperty field, String value, String forWhat) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field.key(), "is required for " + forWhat));
    }
  }

  @Override
  public RateLimit rateLimit() {
    return new RateLimit(REQUESTS_PER_SECOND, REQUESTS_PER_SECOND);
  }

  /** Up to this many queued messages of one conversation become notes in one request. */
  @Override
  public int batchSize() {
    return 25;
  }

  /** A 429 storm may take a while to pass; the backoff spaces these attempts out. */
  @Override
  public int maxAttempts() {
    return 20;
  }

  @Override
  public Plugin create(PluginContext context) {
    return new AmoCrmPlugin(context, AmoCrmConfig.from(context.config()));
  }
}
