package io.deskbridge.core.plugin;

import io.deskbridge.core.conversation.ConversationRepository;
import io.deskbridge.core.outbox.Outbox;
import io.deskbridge.core.outbox.OutboxJob;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.AgentAction;
import io.deskbridge.core.plugin.spi.CardEntry;
import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ExternalLink;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What enabled modules add to the product: actions on a conversation, lines on the customer card,
 * and their inbound webhooks. A failing module is left out of the card and the action list (and
 * logged); it never breaks the page of the agent who opened it.
 */
@ApplicationScoped
public class ModuleCapabilities {

  private static final Logger LOG = Logger.getLogger(ModuleCapabilities.class.getName());

  /** An action as offered on a conversation, with the module it belongs to. */
  public record OfferedAction(String moduleId, AgentAction action) {}

  /** A card line with the module it came from. */
  public record CardLine(String moduleId, CardEntry entry) {}

  private final ModuleRepository modules;
  private final ModuleRuntime runtime;
  private final PluginCatalog catalog;
  private final TenantRepository tenants;
  private final ConversationRepository conversations;
  private final Outbox outbox;

  @Inject
  public ModuleCapabilities(ModuleRepository modules, ModuleRuntime runtime, PluginCatalog catalog,
      TenantRepository tenants, ConversationRepository conversations, Outbox outbox) {
    this.modules = modules;
    this.runtime = runtime;
    this.catalog = catalog;
    this.tenants = tenants;
    this.conversations = conversations;
    this.outbox = outbox;
  }

  protected ModuleCapabilities() {
    this(null, null, null, null, null, null);
  }

  public List<OfferedAction> actions(TenantId tenant) {
    List<OfferedAction> offered = new ArrayList<>();
    for (TenantModule m : live(tenant)) {
      guarded(m, () -> runtime.instance(m).actions()).forEach(a -> offered.add(new OfferedAction(m.moduleId(), a)));
    }
    return offered;
  }

  public List<CardLine> card(TenantId tenant, long customerId) {
    List<CardLine> lines = new ArrayList<>();
    for (TenantModule m : live(tenant)) {
      guarded(m, () -> runtime.instance(m).customerCard(customerId))
          .forEach(e -> lines.add(new CardLine(m.moduleId(), e)));
    }
    return lines;
  }

  /** What enabled modules say the conversation is linked to at their vendors (no vendor call). */
  public List<ExternalLink> links(TenantId tenant, long conversationId) {
    List<ExternalLink> links = new ArrayList<>();
    for (TenantModule m : live(tenant)) {
      links.addAll(guarded(m, () -> runtime.instance(m).conversationLinks(conversationId)));
    }
    return links;
  }

  /**
   * Every tenant's enabled modules, read in a transaction of its own: the polling tick runs on a
   * scheduler thread, where the persistence context exists only inside one.
   */
  @Transactional
  public List<TenantModule> pollable() {
    List<TenantModule> all = new ArrayList<>();
    for (io.deskbridge.core.tenant.Tenant tenant : tenants.list()) {
      all.addAll(live(tenant.tenantId()));
    }
    return all;
  }

  /** One module's polling tick, outside any transaction (it may call its vendor); a failure is logged. */
  public void poll(TenantModule m) {
    guarded(m, () -> {
      runtime.instance(m).poll();
      return List.of();
    });
  }

  /** Queues the agent's action for the module; the module does the work from the outbox. */
  @Transactional
  public OutboxJob perform(TenantId tenant, long conversationId, String moduleId, String actionId,
      Map<String, String> input, Long agentId) {
    conversations.findById(tenant, conversationId)
        .orElseThrow(() -> new NotFoundException("Conversation", conversationId));
    TenantModule settings = modules.find(tenant, moduleId).filter(TenantModule::isEnabled)
        .orElseThrow(() -> new NotFoundException("Module", moduleId));
    AgentAction action = runtime.instance(settings).actions().stream()
        .filter(a -> a.id().equals(actionId)).findFirst()
        .orElseThrow(() -> new NotFoundException("Action", actionId));
    List<FieldError> missing = new ArrayList<>();
    for (ConfigProperty field : action.fields()) {
      String value = input == null ? null : input.get(field.key());
      if (field.required() && (value == null || value.isBlank())) {
        missing.add(new FieldError("input." + field.key(), "is required"));
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(missing);
    }
    return outbox.enqueueAction(tenant, catalog.get(moduleId),
        new ActionRequest(actionId, conversationId, agentId, input));
  }

  /** Routes a vendor's call to the tenant's module; an unknown or disabled one is simply not found. */
  public WebhookResponse webhook(String tenantSlug, String moduleId, WebhookRequest request) {
    TenantModule settings = tenants.findBySlug(tenantSlug)
        .flatMap(t -> modules.find(t.tenantId(), moduleId))
        .filter(TenantModule::isEnabled)
        .filter(m -> catalog.find(m.moduleId()).isPresent())
        .orElseThrow(() -> new NotFoundException("Webhook", tenantSlug + "/" + moduleId));
    return runtime.instance(settings).handleWebhook(request);
  }

  private List<TenantModule> live(TenantId tenant) {
    return modules.enabled(tenant).stream().filter(m -> catalog.find(m.moduleId()).isPresent()).toList();
  }

  private static <T> List<T> guarded(TenantModule m, java.util.function.Supplier<List<T>> call) {
    try {
      List<T> result = call.get();
      return result == null ? List.of() : result;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Module '" + m.moduleId() + "' failed; left out of this answer", e);
      return List.of();
    }
  }
}
