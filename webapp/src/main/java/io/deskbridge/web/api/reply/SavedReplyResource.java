package io.deskbridge.web.api.reply;

import io.deskbridge.core.reply.SavedReplySearch;
import io.deskbridge.core.reply.SavedReplyService;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.tenant.Language;
import io.deskbridge.web.api.ListView;
import io.deskbridge.web.api.RequestBody;
import io.deskbridge.web.security.Access;
import io.deskbridge.web.security.AccessLevel;
import io.deskbridge.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/saved-replies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Saved replies", description = "Templates with {{customer.name}} / {{agent.name}} placeholders.")
public class SavedReplyResource {

  @Inject SavedReplyService replies;
  @Inject CurrentCaller caller;

  record SavedReplyRequest(String title, String body, String language, List<String> tags, Boolean hold) {

    boolean holds() {
      return Boolean.TRUE.equals(hold);
    }
  }

  record RenderRequest(Long conversationId) {}

  record Rendered(String text) {}

  @GET
  @Access(AccessLevel.STAFF)
  @Operation(summary = "Search saved replies", description = "q matches title or body; language; tag.")
  public ListView<SavedReplyView> search(@QueryParam("q") String q, @QueryParam("language") String language,
      @QueryParam("tag") String tag) {
    return ListView.all(replies.search(caller.tenant(), new SavedReplySearch(q, language(language, true), tag)),
        SavedReplyView::of);
  }

  @GET
  @Path("{id}")
  @Access(AccessLevel.STAFF)
  @Operation(summary = "One saved reply")
  public SavedReplyView get(@PathParam("id") long id) {
    return SavedReplyView.of(replies.get(caller.tenant(), id));
  }

  @POST
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Create a saved reply")
  public Response create(SavedReplyRequest request) {
    SavedReplyRequest r = RequestBody.require(request);
    return Response.status(Response.Status.CREATED)
        .entity(SavedReplyView.of(replies.create(caller.tenant(), r.title(), r.body(),
            language(r.language(), false), r.tags(), r.holds())))
        .build();
  }

  @PUT
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Rewrite a saved reply")
  public SavedReplyView update(@PathParam("id") long id, SavedReplyRequest request) {
    SavedReplyRequest r = RequestBody.require(request);
    return SavedReplyView.of(replies.update(caller.tenant(), id, r.title(), r.body(),
        language(r.language(), false), r.tags(), r.holds()));
  }

  @DELETE
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Delete a saved reply")
  public Response delete(@PathParam("id") long id) {
    replies.delete(caller.tenant(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/render")
  @Access(AccessLevel.STAFF)
  @Operation(summary = "Fill the placeholders for a conversation and the calling agent")
  public Rendered render(@PathParam("id") long id, RenderRequest request) {
    Long conversationId = request == null ? null : request.conversationId();
    return new Rendered(replies.render(caller.tenant(), id, conversationId, caller.agentId()));
  }

  private static Language language(String code, boolean optional) {
    if (code == null && optional) {
      return null;
    }
    return Language.fromCode(code).orElseThrow(() -> code == null
        ? new InvalidInputException("language", "is required")
        : new InvalidInputException("language", "must be ru or en"));
  }
}
