package io.deskbridge.web.api.conversation;

import io.deskbridge.core.conversation.Attachment;
import io.deskbridge.core.conversation.Attachments;
import io.deskbridge.core.conversation.ComplaintStep;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationService;
import io.deskbridge.core.sla.ConversationSla;
import io.deskbridge.web.api.FileDownload;
import io.deskbridge.web.api.sla.SlaViews.ConversationSlaView;
import java.time.Clock;
import io.deskbridge.core.conversation.LinkKind;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.NewAttachment;
import io.deskbridge.core.conversation.TimelineService;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.outbox.OutboxJob;
import io.deskbridge.core.plugin.ModuleCapabilities;
import io.deskbridge.core.presence.Presence;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.shared.PageLimit;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.transfer.DuplicateService;
import io.deskbridge.core.transfer.Transfer;
import io.deskbridge.core.transfer.TransferService;
import io.deskbridge.web.api.ListView;
import io.deskbridge.web.api.Preconditions;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Access(AccessLevel.STAFF)
@Tag(name = "Conversations", description = "The inbox: list, read, reply, note, assign, categorise, close.")
public class ConversationResource {

  @Inject ConversationService conversations;
  @Inject TimelineService timeline;
  @Inject Attachments attachments;
  @Inject ModuleCapabilities capabilities;
  @Inject CurrentCaller caller;
  @Inject ConversationSla sla;
  @Inject Clock clock;

  @GET
  @Operation(summary = "List conversations (the inbox)",
      description = "Filters: status (comma-separated), assignee=me|none|<id>, department, category, tag,"
          + " customer, q (subject or the customer's name, email or phone contains it). sort=updated (default): newest-updated first; sort=queue: our clients first, then"
          + " priority, then oldest created. Pass `next` back as `cursor` with the same sort."
          + " limit 1-100, default 50.")
  public ListView<ConversationView> list(@QueryParam("status") List<String> status,
      @QueryParam("assignee") String assignee, @QueryParam("department") String department,
      @QueryParam("category") String category, @QueryParam("tag") String tag,
      @QueryParam("customer") String customer, @QueryParam("q") String q, @QueryParam("sort") String sort,
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    InboxQuery query =
        new InboxQuery(status, assignee, department, category, tag, customer, q, sort, limit, cursor);
    return ListView.of(conversations.list(caller.tenant(), query.toFilter(caller.agentId())),
        ConversationView::of);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One conversation", description = "The ETag is its version, for If-Match.")
  public Response get(@PathParam("id") long id) {
    Conversation conversation = conversations.get(caller.tenant(), id);
    ConversationSlaView timers = ConversationSlaView.of(conversation, sla.status(conversation, clock.instant()));
    return Preconditions.withVersion(Response.ok(ConversationView.of(conversation, timers,
        capabilities.links(caller.tenant(), id))), conversation.version()).build();
  }

  @GET
  @Path("{id}/sla")
  @Operation(summary = "The conversation's SLA timers",
      description = "Per target (FIRST_REPLY, NEXT_REPLY, RESOLUTION): due time, remaining seconds (negative"
          + " when overdue) and state ON_TRACK / AT_RISK / BREACHED / MET / PAUSED, under the policy chosen"
          + " for it (our clients, the customer's plan, or the tenant default), and the status history.")
  public ConversationSlaView sla(@PathParam("id") long id) {
    Conversation conversation = conversations.get(caller.tenant(), id);
    return ConversationSlaView.of(conversation, sla.status(conversation, clock.instant()));
  }

  @GET
  @Path("{id}/messages")
  @Operation(summary = "The timeline: public messages and internal notes, oldest first")
  public ListView<MessageView> messages(@PathParam("id") long id, @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return TimelinePage.of(timeline, caller.tenant(),
        timeline.timeline(caller.tenant(), id, blankToNull(cursor), PageLimit.parse(limit)));
  }

  @POST
  @Path("{id}/messages")
  @Operation(summary = "Reply to the customer (PUBLIC) or add an internal note (INTERNAL)")
  public Response post(@PathParam("id") long id, ConversationRequests.PostMessage request) {
    ConversationRequests.PostMessage r = RequestBody.require(request);
    new Validation().required("visibility", r.visibility()).orThrow();
    List<NewAttachment> files = AttachmentRequest.toNew(r.attachments());
    Message message = r.visibility() == Visibility.INTERNAL
        ? timeline.addInternalNote(caller.tenant(), id, caller.agentId(), r.text(), files)
        : timeline.reply(caller.tenant(), id, caller.agentId(), r.text(), files, r.savedReplyId());
    List<Attachment> stored = timeline.attachmentsOf(caller.tenant(), List.of(message.id()));
    return Response.status(Response.Status.CREATED)
        .entity(MessageView.of(message, Map.of(message.id(), stored)))
        .build();
  }

  @POST
  @Path("{id}/assign")
  @Operation(summary = "Assign to an agent", description = "agentId: an id, or \"me\" to take it from the"
      + " queue (409 already-assigned when a colleague took it first). If-Match guards against stale copies.")
  public Response assign(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      ConversationRequests.Assign request) {
    String target = RequestBody.require(request).agentId();
    Long expected = Preconditions.expectedVersion(ifMatch);
    if (target != null && target.trim().equals("me")) {
      return view(conversations.take(caller.tenant(), id, caller.requireAgent(), expected));
    }
    return view(conversations.assign(caller.tenant(), id, agentIdOf(target), expected));
  }

  @POST
  @Path("{id}/unassign")
  @Operation(summary = "Put back into the unassigned queue")
  public Response unassign(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
    return view(conversations.unassign(caller.tenant(), id, Preconditions.expectedVersion(ifMatch)));
  }

  @PUT
  @Path("{id}/category")
  @Operation(summary = "Set the category (required before closing)")
  public Response categorize(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      ConversationRequests.SetCategory request) {
    Long categoryId = RequestBody.require(request).categoryId();
    new Validation().required("categoryId", categoryId).orThrow();
    return view(conversations.categorize(caller.tenant(), id, categoryId, Preconditions.expectedVersion(ifMatch)));
  }

  @PUT
  @Path("{id}/status")
  @Operation(summary = "Change the status", description = "CLOSED needs a category (422).")
  public Response status(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      ConversationRequests.SetStatus request) {
    ConversationRequests.SetStatus r = RequestBody.require(request);
    new Validation().required("status", r.status()).orThrow();
    return view(conversations.moveTo(caller.tenant(), id, r.status(), Preconditions.expectedVersion(ifMatch)));
  }

  @PUT
  @Path("{id}/priority")
  @Operation(summary = "Change the priority")
  public Response priority(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      ConversationRequests.SetPriority request) {
    ConversationRequests.SetPriority r = RequestBody.require(request);
    new Validation().required("priority", r.priority()).orThrow();
    return view(conversations.prioritize(caller.tenant(), id, r.priority(), Preconditions.expectedVersion(ifMatch)));
  }

  @PUT
  @Path("{id}/department")
  @Operation(summary = "Move to another department's queue")
  public Response department(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      ConversationRequests.SetDepartment request) {
    Long departmentId = RequestBody.require(request).departmentId();
    new Validation().required("departmentId", departmentId).orThrow();
    return view(conversations.moveToDepartment(caller.tenant(), id, departmentId,
        Preconditions.expectedVersion(ifMatch)));
  }

  @POST
  @Path("{id}/close")
  @Operation(summary = "Close", description = "Refused with 422 category-required when no category is set.")
  public Response close(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
    return view(conversations.close(caller.tenant(), id, Preconditions.expectedVersion(ifMatch)));
  }

  @POST
  @Path("{id}/reopen")
  @Operation(summary = "Reopen", description = "The category is cleared and must be chosen again.")
  public Response reopen(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
    return view(conversations.reopen(caller.tenant(), id, Preconditions.expectedVersion(ifMatch)));
  }

  @POST
  @Path("{id}/links")
  @Operation(summary = "Link to another conversation of the tenant (both ways)")
  public Response link(@PathParam("id") long id, ConversationRequests.Link request) {
    ConversationRequests.Link r = RequestBody.require(request);
    new Validation().required("conversationId", r.conversationId()).orThrow();
    return view(conversations.link(caller.tenant(), id, r.conversationId(),
        r.kind() == null ? LinkKind.RELATED : r.kind()));
  }

record Step(ComplaintStep step) {}

  /** {@code preferredAt} is ISO-8601 with a zone or offset ("2026-12-01T10:00:00Z"). */
  record Callback(String phone, String preferredAt) {

    Instant preferredInstant() {
      if (preferredAt == null || preferredAt.isBlank()) {
        return null;
      }
      try {
        return java.time.OffsetDateTime.parse(preferredAt.trim()).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        throw new InvalidInputException("preferredAt", "must be an ISO-8601 time such as 2026-12-01T10:00:00Z");
      }
    }
  }

  @POST
  @Path("{id}/complaint")
  @Operation(summary = "Mark as a complaint", description = "Then check the steps THANKED, EXPLAINED,"
      + " APOLOGISED, ACTING, ANSWERED in that order.")
  public ConversationView markAsComplaint(@PathParam("id") long id) {
    return ConversationView.of(conversations.markAsComplaint(caller.tenant(), id));
  }

  @POST
  @Path("{id}/complaint/steps")
  @Operation(summary = "Check the next complaint step", description = "Out of order: 422 complaint-step-out-of-order.")
  public ConversationView checkStep(@PathParam("id") long id, Step request) {
    return ConversationView.of(conversations.checkComplaintStep(caller.tenant(), id, RequestBody.require(request).step()));
  }

  @PUT
  @Path("{id}/callback")
  @Operation(summary = "Request a callback", description = "The customer's phone and preferred time (ISO-8601).")
  public ConversationView requestCallback(@PathParam("id") long id, Callback request) {
    Callback r = RequestBody.require(request);
    return ConversationView.of(conversations.requestCallback(caller.tenant(), id, r.phone(), r.preferredInstant()));
  }

  @DELETE
  @Path("{id}/callback")
  @Operation(summary = "The call was made: clear the request")
  public ConversationView completeCallback(@PathParam("id") long id) {
    return ConversationView.of(conversations.completeCallback(caller.tenant(), id));
  }

  @GET
  @Path("{id}/actions")
  @Operation(summary = "Actions enabled modules offer on this conversation (e.g. \"Create Jira task\")")
  public ListView<ActionView> actions(@PathParam("id") long id) {
    conversations.get(caller.tenant(), id);
    return ListView.all(capabilities.actions(caller.tenant()), ActionView::of);
  }

  @POST
  @Path("{id}/actions/{module}/{action}")
  @Operation(summary = "Run a module's action", description = "Queued in the outbox: 202 with the job id.")
  public Response perform(@PathParam("id") long id, @PathParam("module") String module,
      @PathParam("action") String action, ConversationRequests.PerformAction request) {
    OutboxJob job = capabilities.perform(caller.tenant(), id, module, action,
        request == null ? Map.of() : request.input(), caller.agentId());
    return Response.accepted(Map.of("jobId", job.id(), "state", job.state().name())).build();
  }

  /**
   * The same as {@link #perform}, addressed as {@code {module}.{action}} ({@code jira.create}) with the
   * fields at the top level of the body; an {@code input} object is also accepted.
   */
  @POST
  @Path("{id}/actions/{module: [^/.]+}.{action: [^/]+}")
  @Operation(summary = "Run a module's action, e.g. jira.create",
      description = "Body: the action's fields, e.g. {\"summary\":\"…\",\"description\":\"…\"}. Queued in"
          + " the outbox: 202 with the job id.")
  public Response performNamed(@PathParam("id") long id, @PathParam("module") String module,
      @PathParam("action") String action, Map<String, Object> body) {
    return perform(id, module, action, new ConversationRequests.PerformAction(ConversationRequests.actionInput(body)));
  }

  @GET
  @Path("{id}/attachments/{attachmentId}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download an attachment")
  public Response attachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
    Attachment attachment = attachments.get(caller.tenant(), id, attachmentId);
    return FileDownload.of(attachment, attachments.content(attachment));
  }

  @Inject Presence presence;

  @POST
  @Path("{id}/typing")
  @Operation(summary = "The calling agent is typing here",
      description = "Colleagues see \"… is typing\" for 5 seconds; the app repeats this while the agent types. 204.")
  public Response typing(@PathParam("id") long id) {
    conversations.get(caller.tenant(), id);
    presence.typing(caller.tenant(), id, caller.requireAgent());
    return Response.noContent().build();
  }

  @Inject TransferService transfers;
  @Inject DuplicateService duplicates;

  /** {@code reasonId} and {@code note} (for the receiving department) are optional. */
  record TransferRequest(Long departmentId, Long reasonId, String note) {}

  record DuplicateRequest(Long keptConversationId) {}

  @POST
  @Path("{id}/transfer")
  @Operation(summary = "Transfer to another department",
      description = "Opens a second conversation for that department (channel \"transfer\"), cross-linked"
          + " with this one, which stays open with its agent and keeps the customer's channel. The reason's"
          + " interim answer, if it has one, is sent to the customer here. 201 with the new conversation.")
  public Response transfer(@PathParam("tenant") String tenant, @PathParam("id") long id,
      TransferRequest request) {
    TransferRequest r = RequestBody.require(request);
    Conversation opened = transfers.transfer(caller.tenant(), id,
        new Transfer(r.departmentId(), r.reasonId(), r.note()), caller.agentId());
    return Preconditions.withVersion(Response.created(
            UriBuilder.fromPath("/api/v1/tenants/{tenant}/conversations/{id}").build(tenant, opened.id()))
        .entity(ConversationView.of(opened)), opened.version()).build();
  }

  @POST
  @Path("{id}/close-as-duplicate")
  @Operation(summary = "Close as a duplicate of another conversation of the same customer",
      description = "Only an unassigned conversation (422 duplicate-assigned); it keeps a link and a note.")
  public Response closeAsDuplicate(@PathParam("id") long id, DuplicateRequest request) {
    DuplicateRequest r = RequestBody.require(request);
    return view(duplicates.closeAsDuplicate(caller.tenant(), id, r.keptConversationId(), caller.agentId()));
  }

  private long agentIdOf(String target) {
    if (target == null || target.isBlank()) {
      throw new InvalidInputException("agentId", "is required: an agent id or \"me\"");
    }
    try {
      return Long.parseLong(target.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("agentId", "must be an agent id or \"me\"");
    }
  }

  private static Response view(Conversation conversation) {
    return Preconditions.withVersion(Response.ok(ConversationView.of(conversation)), conversation.version())
        .build();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
