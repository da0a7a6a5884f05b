package io.deskbridge.core.widget;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.agent.AgentRepository;
import io.deskbridge.core.channel.InboundCustomer;
import io.deskbridge.core.channel.InboundMessage;
import io.deskbridge.core.channel.InboundMessages;
import io.deskbridge.core.channel.InboundReceipt;
import io.deskbridge.core.conversation.Attachment;
import io.deskbridge.core.conversation.Attachments;
import io.deskbridge.core.conversation.MessageRepository;
import io.deskbridge.core.conversation.PublicMessage;
import io.deskbridge.core.customer.CustomerRepository;
import io.deskbridge.core.plugin.PlatformSettings;
import io.deskbridge.core.shared.KeysetCursor;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.tenant.Language;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.tenant.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The customer's side of the site chat widget: a visitor gets a signed pass, writes through the same
 * intake as every channel (channel {@value #CHANNEL}), and reads back only what a customer may see.
 */
@ApplicationScoped
public class WidgetChat {

  public static final String CHANNEL = "widget";
  /** Messages one read returns at most; the widget asks again on its next poll. */
  public static final int PAGE = 100;
  /** How long a message may take from its timestamp to its commit (see {@link TranscriptCursor}). */
  static final Duration SETTLE = Duration.ofSeconds(30);

  private final TenantService tenants;
  private final CustomerRepository customers;
  private final MessageRepository messages;
  private final AgentRepository agents;
  private final InboundMessages inbound;
  private final Attachments attachments;
  private final VisitorPass passes;
  private final Clock clock;

  @Inject
  public WidgetChat(TenantService tenants, CustomerRepository customers, MessageRepository messages,
      AgentRepository agents, InboundMessages inbound, Attachments attachments, PlatformSettings platform,
      Clock clock) {
    this.tenants = tenants;
    this.customers = customers;
    this.messages = messages;
    this.agents = agents;
    this.inbound = inbound;
    this.attachments = attachments;
    this.passes = platform == null ? null : new VisitorPass(platform.secretKey());
    this.clock = clock;
  }

  protected WidgetChat() {
    this(null, null, null, null, null, null, null, null);
  }

  /** The tenant behind a widget, refusing when it switched the widget off. */
  @Transactional
  public Tenant tenant(String slug) {
    Tenant tenant = tenants.get(slug);
    if (!WidgetSettings.of(tenant).enabled()) {
      throw WidgetDisabledException.switchedOff();
    }
    return tenant;
  }

  @Transactional
  public VisitorPass.Issued startVisit(String slug) {
    return passes.issue(tenant(slug).tenantId());
  }

  /** Files the visitor's message; the same {@code clientMessageId} sent again answers the first receipt. */
  public InboundReceipt send(String slug, String token, VisitorMessage message) {
    TenantId tenant = tenant(slug).tenantId();
    String visitorId = visitorOf(tenant, token);
    message.validate();
    InboundCustomer customer = new InboundCustomer(visitorId, message.name().trim(), blankToNull(message.email()),
        null, languageOf(message.language()));
    // The visitor id is part of the message id, so one visitor's ids can never collide with another's.
    return inbound.receive(tenant, new InboundMessage(CHANNEL, visitorId + ":" + message.clientMessageId(),
        customer, message.text(), List.of()));
  }

  /** The visitor's public messages after {@code cursor} (null: from the beginning), with a cursor to go on. */
  @Transactional
  public Transcript read(String slug, String token, String cursor) {
    TenantId tenant = tenant(slug).tenantId();
    String visitorId = visitorOf(tenant, token);
    Optional<Long> customerId = customers.findByIdentity(tenant, CHANNEL, visitorId).map(c -> c.id());
    if (customerId.isEmpty()) {
      return new Transcript(List.of(), Map.of(), Map.of(), cursor == null || cursor.isBlank() ? null : cursor);
    }
    String given = cursor == null || cursor.isBlank() ? null : cursor;
    List<PublicMessage> page = messages.customerTranscript(tenant, customerId.get(),
        given == null ? null : KeysetCursor.decode(given), PAGE);
    return new Transcript(page, agentNames(tenant, page), filesOf(tenant, page),
        TranscriptCursor.next(page, given, clock.instant().minus(SETTLE), PAGE));
  }

  /**
   * A file the visitor was sent, with its bytes: only an attachment of a public message in one of this
   * visitor's own conversations. An internal note's file, another visitor's or another tenant's is not
   * found, and neither is any file for a visitor who never wrote.
   */
  @Transactional
  public VisitorFile file(String slug, String token, long attachmentId) {
    TenantId tenant = tenant(slug).tenantId();
    String visitorId = visitorOf(tenant, token);
    long customerId = customers.findByIdentity(tenant, CHANNEL, visitorId).map(c -> c.id())
        .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
    Attachment attachment = attachments.getForCustomer(tenant, customerId, attachmentId);
    return new VisitorFile(attachment, attachments.content(attachment));
  }

  /** An attachment's description and content, as the visitor downloads it. */
  public record VisitorFile(Attachment attachment, byte[] content) {}

  /** What the visitor sees, and where the next read starts. */
  public record Transcript(List<PublicMessage> messages, Map<Long, String> agentNames,
      Map<Long, List<Attachment>> files, String cursor) {

    /** The agent's name for their replies, the outside author's for imported ones, else empty. */
    public Optional<String> authorName(PublicMessage m) {
      return m.authorName().or(() -> m.authorAgentId().map(agentNames::get));
    }

    /** The message's attachments, oldest first; most messages have none. */
    public List<Attachment> filesOf(PublicMessage m) {
      return files.getOrDefault(m.id(), List.of());
    }
  }

  private Map<Long, List<Attachment>> filesOf(TenantId tenant, List<PublicMessage> page) {
    if (page.isEmpty()) {
      return Map.of();
    }
    // One query per page: the ids come from the customer transcript, so only public messages' files.
    return messages.attachmentsOf(tenant, page.stream().map(PublicMessage::id).toList()).stream()
        .collect(Collectors.groupingBy(Attachment::messageId));
  }

  private Map<Long, String> agentNames(TenantId tenant, List<PublicMessage> page) {
    Map<Long, String> names = new HashMap<>();
    page.forEach(m -> m.authorAgentId().ifPresent(id -> names.computeIfAbsent(id,
        k -> agents.findById(tenant, k).map(Agent::name).orElse(null))));
    names.values().removeIf(v -> v == null);
    return names;
  }

  private String visitorOf(TenantId tenant, String token) {
    return passes.visitorOf(tenant, token).orElseThrow(UnknownVisitorException::new);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The page's language ("ru-RU", "en") as far as the helpdesk knows it; others are left unset. */
  private static String languageOf(String tag) {
    if (tag == null || tag.length() < 2) {
      return null;
    }
    String code = tag.substring(0, 2).toLowerCase(Locale.ROOT);
    return Language.fromCode(code).isPresent() ? code : null;
  }
}
