package io.deskbridge.plugin.jira;

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
 * Jira (Cloud or Data Center): agents escalate a conversation to an issue of the Support project
 * with a link back to the dialog; Jira's comments and status come back. The module id, the
 * configuration keys, the action {@code jira.create} and the webhook {@code /hooks/{tenant}/jira}
 * are a public contract (issue 8); never rename one.
 */
public final class JiraPluginFactory implements PluginFactory {

  public static final String ID = "jira";

  /**
   * Jira Cloud publishes no fixed rate, only a cost budget and a per-second burst limit; 10 a second
   * per tenant stays well under the burst limit and escalations are rare anyway.
   */
  static final int REQUESTS_PER_SECOND = 10;

  static final ConfigProperty BASE_URL = ConfigProperty.of("baseUrl", ConfigType.URL, "Jira site URL")
      .required().help("https://{site}.atlassian.net, or your Data Center address with its context path.").build();
  static final ConfigProperty DEPLOYMENT = ConfigProperty.of("deployment", ConfigType.ENUM, "Deployment")
      .options(List.of(JiraConfig.CLOUD, JiraConfig.DATA_CENTER)).defaultValue(JiraConfig.CLOUD)
      .help("cloud: REST v3, email and API token. datacenter: REST v2, personal access token.").build();
  static final ConfigProperty EMAIL = ConfigProperty.of("email", ConfigType.STRING, "Account email")
      .help("The Atlassian account the API token belongs to; Cloud only.").build();
  static final ConfigProperty API_TOKEN = ConfigProperty.of("apiToken", ConfigType.SECRET, "API token")
      .required().help("Cloud: an API token of the account above. Data Center: a personal access token.").build();
  static final ConfigProperty PROJECT_KEY = ConfigProperty.of("projectKey", ConfigType.STRING, "Project key")
      .defaultValue("SUP").help("The project escalations are created in.").build();
  static final ConfigProperty ISSUE_TYPE = ConfigProperty.of("issueType", ConfigType.STRING, "Issue type")
      .defaultValue("Task").build();
  static final ConfigProperty DEFAULT_PRIORITY =
      ConfigProperty.of("defaultPriority", ConfigType.STRING, "Default priority")
          .help("Priority name used when the customer's plan has none below; empty: Jira's default.").build();
  static final ConfigProperty LABELS = ConfigProperty.of("labels", ConfigType.LIST, "Labels")
      .help("Added to every escalated issue; no spaces.").build();
  static final ConfigProperty CATEGORY_COMPONENTS =
      ConfigProperty.of("categoryComponents", ConfigType.LIST, "Category → component")
          .help("Lines 'Category name=Component name'.").build();
  static final ConfigProperty CATEGORY_LABELS =
      ConfigProperty.of("categoryLabels", ConfigType.LIST, "Category → label")
          .help("Lines 'Category name=label'.").build();
  static final ConfigProperty PLAN_PRIORITIES =
      ConfigProperty.of("planPriorities", ConfigType.LIST, "Plan → priority")
          .help("Lines 'Plan=Priority name', e.g. 'Enterprise=Highest'.").build();
  static final ConfigProperty DIALOG_BASE_URL =
      ConfigProperty.of("dialogBaseUrl", ConfigType.URL, "Deskbridge address for dialog links")
          .help("The address integrators open from Jira; empty: this server's public URL.").build();
  static final ConfigProperty WEBHOOK_SECRET = ConfigProperty.of("webhookSecret", ConfigType.SECRET,
      "Webhook secret").help("The secret of the Jira webhook calling /hooks/{tenant}/jira; Jira signs"
          + " each call with it (X-Hub-Signature).").build();
  static final ConfigProperty WEBHOOK_TOKEN = ConfigProperty.of("webhookToken", ConfigType.SECRET,
      "Webhook URL token").help("For Jira versions that cannot sign: the webhook URL carries ?token=…"
          + " instead. Ignored when a webhook secret is set.").build();
  static final ConfigProperty WAKE_ON = ConfigProperty.of("wakeOnStatusCategory", ConfigType.ENUM,
      "Wake the conversation on").options(List.of("done", "indeterminate")).defaultValue("done")
      .help("The status category (not the status name) that hands the conversation back to its agent.")
      .build();
  static final ConfigProperty POLL_INTERVAL = ConfigProperty.of("pollInterval", ConfigType.DURATION,
      "Polling interval").help("For Jira instances that cannot send webhooks, e.g. PT5M.").build();

  private final String version = ModuleVersion.of(JiraPluginFactory.class);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Jira";
  }

  @Override
  public String description() {
    return "Escalates a conversation to a Jira issue with a link back to the dialog; Jira comments come"
        + " back as internal notes, and a resolved issue hands the conversation back to its agent.";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<ConfigProperty> configSpec() {
    return List.of(BASE_URL, DEPLOYMENT, EMAIL, API_TOKEN, PROJECT_KEY, ISSUE_TYPE, DEFAULT_PRIORITY, LABELS,
        CATEGORY_COMPONENTS, CATEGORY_LABELS, PLAN_PRIORITIES, DIALOG_BASE_URL, WEBHOOK_SECRET, WEBHOOK_TOKEN,
        WAKE_ON, POLL_INTERVAL);
  }

  @Override
  public List<FieldError> validate(PluginConfig config) {
    JiraConfig jira = JiraConfig.from(config);
    List<FieldError> errors = new ArrayList<>();
    if (jira.isCloud() && jira.email().isEmpty()) {
      errors.add(new FieldError(EMAIL.key(), "is required for Jira Cloud (Basic auth is email and API token)"));
    }
    if (!jira.projectKey().matches("[A-Z][A-Z0-9_]+")) {
      errors.add(new FieldError(PROJECT_KEY.key(), "must be a Jira project key such as SUP"));
    }
    jira.labels().stream().filter(l -> l.isBlank() || l.chars().anyMatch(Character::isWhitespace)).findFirst()
        .ifPresent(l -> errors.add(new FieldError(LABELS.key(), "'" + l + "': Jira labels cannot contain spaces")));
    for (ConfigProperty mapping : List.of(CATEGORY_COMPONENTS, CATEGORY_LABELS, PLAN_PRIORITIES)) {
      JiraConfig.malformed(config.list(mapping.key())).stream().findFirst().ifPresent(line ->
          errors.add(new FieldError(mapping.key(), "'" + line + "' is not 'name=value'")));
    }
    jira.categoryLabels().values().stream().filter(l -> l.chars().anyMatch(Character::isWhitespace)).findFirst()
        .ifPresent(l -> errors.add(new FieldError(CATEGORY_LABELS.key(),
            "'" + l + "': Jira labels cannot contain spaces")));
    jira.pollInterval().filter(p -> p.toSeconds() < 60).ifPresent(p ->
        errors.add(new FieldError(POLL_INTERVAL.key(), "must be at least one minute")));
    return errors;
  }

  @Override
  public RateLimit rateLimit() {
    return new RateLimit(REQUESTS_PER_SECOND, REQUESTS_PER_SECOND);
  }

  /** A 429 from Jira's hourly cost budget may take a while to pass; the backoff spaces these out. */
  @Override
  public int maxAttempts() {
    return 12;
  }

  @Override
  public Plugin create(PluginContext context) {
    return new JiraPlugin(context, JiraConfig.from(context.config()));
  }
}
