package io.deskbridge.plugin.bitrix;

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
 * Bitrix24 CRM. In {@code timeline} mode each conversation becomes a lead or deal of the customer's
 * contact, with the messages as timeline comments. The configuration keys and the hook paths
 * {@code /hooks/{tenant}/bitrix24/events} and {@code /hooks/{tenant}/bitrix24/install} are a public
 * contract (issue 7); never rename one.
 */
public final class BitrixPluginFactory implements PluginFactory {

  public static final String ID = "bitrix24";

  /** Bitrix24's leaky bucket on standard plans: 2 requests drain per second, 50 may queue. */
  static final int REQUESTS_PER_SECOND = 2;
  static final int BURST = 50;

  static final ConfigProperty BASE_URL = ConfigProperty.of("baseUrl", ConfigType.URL, "REST address").required()
      .help("Inbound webhook: the whole https://portal/rest/{user}/{code}/. OAuth app: https://portal/rest/.").build();
  static final ConfigProperty AUTH_MODE = ConfigProperty.of("authMode", ConfigType.ENUM, "Authorisation")
      .options(List.of(BitrixConfig.WEBHOOK, BitrixConfig.OAUTH)).defaultValue(BitrixConfig.WEBHOOK)
      .help("webhook: an inbound webhook with the crm scope. oauth: a local application.").build();
  static final ConfigProperty CLIENT_ID = ConfigProperty.of("clientId", ConfigType.STRING, "Application ID").build();
  static final ConfigProperty CLIENT_SECRET =
      ConfigProperty.of("clientSecret", ConfigType.SECRET, "Application key").build();
  static final ConfigProperty ENTITY = ConfigProperty.of("entity", ConfigType.ENUM, "Create for each conversation")
      .options(List.of(BitrixConfig.LEAD, BitrixConfig.DEAL)).defaultValue(BitrixConfig.LEAD).build();
  static final ConfigProperty CATEGORY_ID = ConfigProperty.of("categoryId", ConfigType.INTEGER, "Deal pipeline id")
      .help("Deals only: the pipeline (CATEGORY_ID) of new deals; empty: the general pipeline 0.").build();
  static final ConfigProperty STAGE_ID = ConfigProperty.of("stageId", ConfigType.STRING, "Stage of new entries")
      .help("A lead status (NEW) or a deal stage of the pipeline (C2:NEW); empty: the first one.").build();
  static final ConfigProperty CLOSE_STAGES = ConfigProperty.of("closeStages", ConfigType.LIST, "Stage on close")
      .help("category=STAGE per Deskbridge category, e.g. How-to=WON, Refund=C2:LOSE; * for any other.").build();
  static final ConfigProperty RESPONSIBLE_USER_ID =
      ConfigProperty.of("responsibleUserId", ConfigType.INTEGER, "Responsible user id")
          .help("The Bitrix24 user new contacts, leads and deals are assigned to.").build();
  static final ConfigProperty RESPONSIBLE_USERS =
      ConfigProperty.of("responsibleUsers", ConfigType.LIST, "Responsible user per agent")
          .help("agentId=userId: assigning a conversation to the agent makes that Bitrix24 user responsible"
              + " for its lead or deal, e.g. 3=17.").build();
  static final ConfigProperty APPLICATION_TOKEN =
      ConfigProperty.of("applicationToken", ConfigType.SECRET, "Application token")
          .help("Proves events come from your portal (outgoing webhook or app); an installed app may leave it"
              + " empty: its install handler receives it.").build();
  static final ConfigProperty SYNC_INTERNAL_NOTES =
      ConfigProperty.of("syncInternalNotes", ConfigType.BOOLEAN, "Copy internal notes").defaultValue("false")
          .help("Internal notes are staff-only; they become timeline comments only if checked.").build();
  static final ConfigProperty MODE = ConfigProperty.of("mode", ConfigType.ENUM, "Mode")
      .options(List.of(BitrixConfig.TIMELINE, BitrixConfig.OPENLINES)).defaultValue(BitrixConfig.TIMELINE)
      .help("timeline: messages become timeline comments (works with an inbound webhook). openlines: a"
          + " Deskbridge connector on an Open Line, so operators answer inside Bitrix24; it needs Authorisation"
          + " oauth (an installed app): Bitrix24 refuses imconnector methods from an inbound webhook.").build();
  static final ConfigProperty OPEN_LINE_ID = ConfigProperty.of("openLineId", ConfigType.STRING, "Open line id")
      .help("openlines mode only, required there: the line's id (Contact Center → Open Lines → the line's"
          + " settings address ends in it).").build();
  static final ConfigProperty ACCESS_TOKEN = ConfigProperty.of("accessToken", ConfigType.SECRET, "Access token")
      .help("OAuth only, optional: the install handler /hooks/{tenant}/bitrix24/install receives it.").build();
  static final ConfigProperty REFRESH_TOKEN = ConfigProperty.of("refreshToken", ConfigType.SECRET, "Refresh token")
      .help("OAuth only, optional, as the access token.").build();
  static final ConfigProperty OAUTH_SERVER_URL =
      ConfigProperty.of("oauthServerUrl", ConfigType.URL, "OAuth server").defaultValue("https://oauth.bitrix.info")
          .help("Where tokens are refreshed; change it only for a self-hosted portal.").build();

  private final String version = ModuleVersion.of(BitrixPluginFactory.class);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Bitrix24";
  }

  @Override
  public String description() {
    return "Finds or creates the customer's contact and a lead or deal in Bitrix24, writes the conversation"
        + " as timeline comments and moves the stage on close; stage changes come back as internal notes.";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<ConfigProperty> configSpec() {
    return List.of(BASE_URL, AUTH_MODE, CLIENT_ID, CLIENT_SECRET, ENTITY, CATEGORY_ID, STAGE_ID, CLOSE_STAGES,
        RESPONSIBLE_USER_ID, RESPONSIBLE_USERS, APPLICATION_TOKEN, SYNC_INTERNAL_NOTES, MODE, OPEN_LINE_ID, ACCESS_TOKEN,
        REFRESH_TOKEN, OAUTH_SERVER_URL);
  }

  @Override
  public List<FieldError> validate(PluginConfig config) {
    BitrixConfig bitrix = BitrixConfig.from(config);
    List<FieldError> errors = new ArrayList<>();
    if (BitrixConfig.OPENLINES.equals(bitrix.mode())) {
      if (!bitrix.isOAuth()) {
        errors.add(new FieldError(MODE.key(), "openlines needs authMode oauth: Bitrix24 accepts imconnector"
            + " methods only from an installed app, never from an inbound webhook"));
      }
      if (bitrix.openLineId().filter(id -> !id.isBlank()).isEmpty()) {
        errors.add(new FieldError(OPEN_LINE_ID.key(), "is required in openlines mode"));
      }
    }
    if (bitrix.isOAuth()) {
      requireText(errors, CLIENT_ID, bitrix.clientId().orElse(null));
      requireText(errors, CLIENT_SECRET, bitrix.clientSecret().map(s -> s.reveal()).orElse(null));
    } else if (!BitrixConfig.WEBHOOK_ROOT.matcher(bitrix.baseUrl().toString()).matches()) {
      errors.add(new FieldError(BASE_URL.key(),
          "an inbound webhook address ends in /rest/{user}/{code}/ (copy it from Developer resources)"));
    }
    if (!bitrix.isDeal() && bitrix.categoryId().isPresent()) {
      errors.add(new FieldError(CATEGORY_ID.key(), "only deals have pipelines; leave it empty for leads"));
    }
    for (String entry : bitrix.closeStages()) {
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        errors.add(new FieldError(CLOSE_STAGES.key(), "'" + entry + "' is not category=STAGE"));
      }
    }
    for (String entry : bitrix.responsibleUsers()) {
      if (!entry.trim().matches("\\d+\\s*=\\s*\\d+")) {
        errors.add(new FieldError(RESPONSIBLE_USERS.key(), "'" + entry + "' is not agentId=userId"));
      }
    }
    return errors;
  }

  private static void requireText(List<FieldError> errors, ConfigProperty field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field.key(), "is required for this authorisation"));
    }
  }

  /** One {@code batch} holds 50 commands: a burst of up to 50 messages of a conversation is one request. */
  @Override
  public int batchSize() {
    return Batch.MAX_COMMANDS;
  }

  @Override
  public RateLimit rateLimit() {
    return new RateLimit(REQUESTS_PER_SECOND, BURST);
  }

  /** A full bucket or a method's time budget may take minutes to recover; the backoff spaces these out. */
  @Override
  public int maxAttempts() {
    return 20;
  }

  @Override
  public Plugin create(PluginContext context) {
    return new BitrixPlugin(context, BitrixConfig.from(context.config()));
  }
}
