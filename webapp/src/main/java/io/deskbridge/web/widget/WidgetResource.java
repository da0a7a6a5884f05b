package io.deskbridge.web.widget;

import io.deskbridge.core.channel.InboundReceipt;
import io.deskbridge.core.conversation.Attachment;
import io.deskbridge.core.conversation.PublicMessage;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.widget.VisitorMessage;
import io.deskbridge.core.widget.VisitorPass;
import io.deskbridge.core.widget.WidgetChat;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.api.FileDownload;
import io.deskbridge.web.api.Timestamps;
import io.deskbridge.web.api.conversation.MessageView.AttachmentView;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The site chat widget's API, open to anyone's browser: no agent or API token is involved. A visitor
 * proves who they are with the signed pass from {@code POST visitors}, sent as {@value #VISITOR_HEADER}.
 */
@Path("widget/{tenant}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Access(AccessLevel.ANONYMOUS)
@SecurityRequirements
@Tag(name = "Chat widget", description = "The customer's side of the site chat; no staff credential.")
public class WidgetResource {

  public static final String VISITOR_HEADER = "X-Visitor-Token";
  /** A message is at most 4000 characters; anything far larger is not a widget talking. */
  static final long MAX_BODY_BYTES = 32 * 1024;

  @Inject WidgetChat chat;
  @Inject WidgetRateLimit limits;
  @Context HttpServletRequest http;
  @Context HttpHeaders headers;

  public record WidgetView(String tenant, String name, String language) {}

  public record VisitorView(String visitorId, String token) {}

  public record MessageRequest(String clientMessageId, String name, String email, String language, String text) {}

  public record ReceiptView(long messageId, long conversationId) {}

  public record LineView(long id, long conversationId, String authorType, String authorName, String text,
      String createdAt, List<AttachmentView> attachments) {}

  public record TranscriptView(List<LineView> items, String cursor) {}

  @GET
  @Operation(summary = "Whether the widget is on, and the workspace's name and language")
  public WidgetView widget(@PathParam("tenant") String slug) {
    Tenant tenant = chat.tenant(slug);
    return new WidgetView(tenant.slug(), tenant.name(), tenant.language().name().toLowerCase());
  }

  @POST
  @Path("visitors")
  @Operation(summary = "Start a visit", description = "Returns a signed visitor token the browser keeps;"
      + " it opens this visitor's chat only. Limited per IP address.")
  public Response start(@PathParam("tenant") String slug) {
    limits.newVisitor(http.getRemoteAddr());
    VisitorPass.Issued issued = chat.startVisit(slug);
    return Response.status(Response.Status.CREATED).entity(new VisitorView(issued.visitorId(), issued.token()))
        .build();
  }

  @POST
  @Path("messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "The visitor writes", description = "Idempotent by clientMessageId: 201 the first"
      + " time, 200 with the same ids when a send is retried. Limited per visitor and per IP address.")
  public Response send(@PathParam("tenant") String slug, @HeaderParam(VISITOR_HEADER) String token,
      MessageRequest request) {
    if (headers.getLength() > MAX_BODY_BYTES) {
      throw new WebApplicationException("A widget message may be at most " + MAX_BODY_BYTES + " bytes.",
          Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
    limits.message(token, http.getRemoteAddr());
    MessageRequest body = RequestBody.require(request);
    InboundReceipt receipt = chat.send(slug, token, new VisitorMessage(body.clientMessageId(), body.name(),
        body.email(), body.language(), body.text()));
    return Response.status(receipt.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(new ReceiptView(receipt.messageId(), receipt.conversationId())).build();
  }

  @GET
  @Path("messages")
  @Operation(summary = "What the visitor sees", description = "Public messages of the visitor's"
      + " conversations after the cursor, oldest first; internal notes are never among them. Pass the"
      + " answer's cursor back; recent messages may come again and are told apart by id.")
  public TranscriptView read(@PathParam("tenant") String slug, @HeaderParam(VISITOR_HEADER) String token,
      @QueryParam("cursor") String cursor) {
    limits.read(token, http.getRemoteAddr());
    WidgetChat.Transcript transcript = chat.read(slug, token, cursor);
    return new TranscriptView(transcript.messages().stream().map(m -> line(m, transcript)).toList(),
        transcript.cursor());
  }

  @GET
  @Path("attachments/{id}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download a file the visitor was sent", description = "Attachments of the public"
      + " messages in the visitor's own conversations only; anything else is 404. Limited like reads.")
  public Response attachment(@PathParam("tenant") String slug, @HeaderParam(VISITOR_HEADER) String token,
      @PathParam("id") long id) {
    limits.read(token, http.getRemoteAddr());
    WidgetChat.VisitorFile file = chat.file(slug, token, id);
    Attachment attachment = file.attachment();
    return FileDownload.of(attachment, file.content());
  }

  private static LineView line(PublicMessage m, WidgetChat.Transcript transcript) {
    return new LineView(m.id(), m.conversationId(), m.authorType().name(), transcript.authorName(m).orElse(null),
        m.text(), Timestamps.iso(m.createdAt()),
        transcript.filesOf(m).stream().map(AttachmentView::of).toList());
  }
}
