package io.deskbridge.plugin.slack;

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
 * Slack #forum: when an agent does not know the answer, the question goes to colleagues in a Slack
 * channel, not privately (handbook §4), and their thread answers come back as internal notes. The
 * module id, the configuration keys, the action {@code slack-forum.ask} and the events URL
 * {@code /hooks/{tenant}/slack-forum/events} are a public contract (issue 9); never rename one.
 */
public final class SlackForumPluginFactory implements PluginFactory {

  public static final String ID = "slack-forum";

  /**
   * Slack's Tier 3 methods (chat.update, reactions.add) allow about 50 a minute; chat.postMessage is
   * paced per channel on top of this ({@link SlackApi}).
   */
  static final int JOBS_PER_SECOND = 1;
  static final int BURST = 5;

  static final ConfigProperty BASE_URL = ConfigProperty.of("baseUrl", ConfigType.URL, "Slack Web API URL")
      .defaultValue("https://slack.com/api/").help("Only changed for tests or a proxy.").build();
  static final ConfigProperty BOT_TOKEN = ConfigProperty.of("botToken", ConfigType.SECRET, "Bot token")
      .required().help("xoxb-…, with the scopes chat:write, reactions:write, users:read, channels:history.")
      .build();
  static final ConfigProperty SIGNING_SECRET = ConfigProperty.of("signingSecret", ConfigType.SECRET,
      "Signing secret").required().help("From the Slack app's Basic Information; signs every event sent to"
          + " /hooks/{tenant}/slack-forum/events.").build();
  static final ConfigProperty CHANNEL = ConfigProperty.of("channel", ConfigType.STRING, "Channel")
      .defaultValue("#forum").help("Channel id (C0123…) or name; the bot must be a member.").build();
  static final ConfigProperty CATEGORY_CHANNELS = ConfigProperty.of("categoryChannels", ConfigType.LIST,
      "Category → channel").help("Lines 'Category name=channel', for categories asked elsewhere.").build();
  /**
   * An ISO-8601 duration typed as text, since the platform's duration type refuses zero; absent means
   * the default, and an empty value (or {@code PT0S}, {@code manual}) means "only when an agent asks".
   */
  static final ConfigProperty AUTO_AFTER = ConfigProperty.of("autoAfter", ConfigType.STRING,
      "Ask automatically after").defaultValue("PT5M").emptyAllowed().help("ISO-8601, e.g. PT5M: a"
          + " conversation whose customer waits this long without an agent's reply is asked in the channel."
          + " Empty, PT0S or 'manual': only when an agent asks.").build();
  static final ConfigProperty ASK_ON_SLA_WARNING = ConfigProperty.of("askOnSlaWarning", ConfigType.BOOLEAN,
      "Ask when an SLA is at risk").defaultValue("true").build();
  static final ConfigProperty SHARE_PLAN = ConfigProperty.of("sharePlan", ConfigType.BOOLEAN,
      "Post the customer's plan").defaultValue("true").build();
  static final ConfigProperty SHARE_CUSTOMER_NAME = ConfigProperty.of("shareCustomerName", ConfigType.BOOLEAN,
      "Post the customer's name").defaultValue("false").build();
  static final ConfigProperty MASK_CONTACTS = ConfigProperty.of("maskContacts", ConfigType.BOOLEAN,
      "Mask emails and phone numbers").defaultValue("true")
      .help("In the customer's words posted to the channel.").build();

  private final String version = ModuleVersion.of(SlackForumPluginFactory.class);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Slack #forum";
  }

  @Override
  public String description() {
    return "Asks colleagues in a Slack channel when a question waits too long or an agent asks; their thread"
        + " answers come back as internal notes, and the post is marked answered once the customer has one.";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<ConfigProperty> configSpec() {
    return List.of(BASE_URL, BOT_TOKEN, SIGNING_SECRET, CHANNEL, CATEGORY_CHANNELS, AUTO_AFTER,
        ASK_ON_SLA_WARNING, SHARE_PLAN, SHARE_CUSTOMER_NAME, MASK_CONTACTS);
  }

  @Override
  public List<FieldError> validate(PluginConfig config) {
    SlackForumConfig slack = SlackForumConfig.from(config);
    List<FieldError> errors = new ArrayList<>();
    if (!slack.baseUrl().toString().endsWith("/")) {
      errors.add(new FieldError(BASE_URL.key(), "must end with '/', e.g. https://slack.com/api/"));
    }
    if (slack.channel().isBlank() || slack.channel().chars().anyMatch(Character::isWhitespace)) {
      errors.add(new FieldError(CHANNEL.key(), "must be a channel id or name without spaces"));
    }
    SlackForumConfig.malformed(config.list(CATEGORY_CHANNELS.key())).stream().findFirst().ifPresent(line ->
        errors.add(new FieldError(CATEGORY_CHANNELS.key(), "'" + line + "' is not 'Category=channel'")));
    if (SlackForumConfig.autoAfter(config.string(AUTO_AFTER.key())).isEmpty()) {
      errors.add(new FieldError(AUTO_AFTER.key(), "must be an ISO-8601 duration such as PT5M, or PT0S"
          + " (manual only)"));
    }
    return errors;
  }

  @Override
  public RateLimit rateLimit() {
    return new RateLimit(JOBS_PER_SECOND, BURST);
  }

  /** A ratelimited burst passes within minutes; the backoff spaces the attempts out. */
  @Override
  public int maxAttempts() {
    return 12;
  }

  @Override
  public Plugin create(PluginContext context) {
    return new SlackForumPlugin(context, SlackForumConfig.from(context.config()));
  }
}
