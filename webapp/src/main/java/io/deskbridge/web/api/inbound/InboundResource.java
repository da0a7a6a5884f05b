package io.deskbridge.web.api.inbound;

import io.deskbridge.core.channel.InboundMessages;
import io.deskbridge.core.channel.InboundReceipt;
import io.deskbridge.core.conversation.Attachment;
import io.deskbridge.core.conversation.Attachments;
import io.deskbridge.core.conversation.TimelineService;
import io.deskbridge.core.shared.PageLimit;
import io.deskbridge.web.api.FileDownload;
import io.deskbridge.web.api.ListView;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.api.conversation.MessageView;
import io.deskbridge.web.api.conversation.TimelinePage;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The generic channel: any bridge (a site widget, a bot, a mail gateway) posts customer messages
 * here with an inbound-scoped key, and reads back what the customer may see.
 */
@Path("tenants/{tenant}/inbound")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Access(AccessLevel.INBOUND)
@Tag(name = "Inbound channel", description = "Customer messages in; the customer-visible transcript out.")
public class InboundResource {

  @Inject InboundMessages inbound;
  @Inject TimelineService timeline;
  @Inject Attachments attachments;
  @Inject CurrentCaller caller;

  record ReceiptView(long conversationId, long messageId, long customerId) {}

  @POST
  @Path("messages")
  @Operation(summary = "Post a customer's message",
      description = "Finds or creates the customer and their open conversation. Idempotent by"
          + " (channel, externalMessageId): 201 the first time, 200 with the same ids on redelivery.")
  public Response receive(InboundRequest request) {
    InboundReceipt receipt = inbound.receive(caller.tenant(), RequestBody.require(request).toMessage());
    return Response.status(receipt.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(new ReceiptView(receipt.conversationId(), receipt.messageId(), receipt.customerId()))
        .build();
  }

  @GET
  @Path("conversations/{id}/messages")
  @Operation(summary = "What the customer sees of a conversation",
      description = "Public messages only: internal notes are never part of this list.")
  public ListView<MessageView> transcript(@PathParam("id") long id, @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return TimelinePage.of(timeline, caller.tenant(), timeline.transcript(caller.tenant(), id,
        cursor == null || cursor.isBlank() ? null : cursor, PageLimit.parse(limit)));
  }

  @GET
  @Path("conversations/{id}/attachments/{attachmentId}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download a file the customer was sent",
      description = "Attachments of the transcript's messages only: an internal note's file is 404.")
  public Response attachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
    Attachment attachment = attachments.getPublic(caller.tenant(), id, attachmentId);
    return FileDownload.of(attachment, attachments.content(attachment));
  }
}
