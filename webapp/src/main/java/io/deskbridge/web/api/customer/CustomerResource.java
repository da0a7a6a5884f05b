package io.deskbridge.web.api.customer;

import io.deskbridge.core.customer.Customer;
import io.deskbridge.core.customer.CustomerSearch;
import io.deskbridge.core.customer.CustomerService;
import io.deskbridge.core.plugin.ModuleCapabilities;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.shared.PageLimit;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("tenants/{tenant}/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Access(AccessLevel.STAFF)
@Tag(name = "Customers", description = "Customer cards: contacts, plan, LTV, tags, staff-only notes.")
public class CustomerResource {

  @Inject CustomerService customers;
  @Inject ModuleCapabilities capabilities;
  @Inject CurrentCaller caller;

  @GET
  @Operation(summary = "Search customers", description = "q: name, email or phone; email, phone, tag exact.")
  public ListView<CustomerCard> search(@QueryParam("q") String q, @QueryParam("email") String email,
      @QueryParam("phone") String phone, @QueryParam("tag") String tag, @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return ListView.of(customers.search(caller.tenant(),
        new CustomerSearch(q, email, phone, tag, cursor, PageLimit.parse(limit))), CustomerCard::of);
  }

  @POST
  @Operation(summary = "Create a customer")
  public Response create(CustomerRequests.Profile request) {
    CustomerRequests.Profile r = RequestBody.require(request);
    Customer customer = customers.create(caller.tenant(), r.toProfile(), r.tags(),
        Boolean.TRUE.equals(r.ourClient()));
    return Response.status(Response.Status.CREATED).entity(CustomerCard.of(customer)).build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "The customer card")
  public Response get(@PathParam("id") long id) {
    Customer customer = customers.get(caller.tenant(), id);
    List<CustomerCard.ModuleLine> lines = capabilities.card(caller.tenant(), id).stream()
        .map(l -> new CustomerCard.ModuleLine(l.moduleId(), l.entry().label(), l.entry().value(), l.entry().url()))
        .toList();
    return Preconditions.withVersion(Response.ok(CustomerCard.of(customer, lines)), customer.version()).build();
  }

  @PATCH
  @Path("{id}")
  @Operation(summary = "Change the card", description = "Absent fields stay; \"\" clears; If-Match guards."
      + " ourClient: the customer's conversations that are not closed follow it.")
  public CustomerCard update(@PathParam("id") long id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
      CustomerRequests.Profile request) {
    CustomerRequests.Profile r = RequestBody.require(request);
    return CustomerCard.of(customers.update(caller.tenant(), id, r.toProfile(), r.tags(), r.ourClient(),
        Preconditions.expectedVersion(ifMatch)));
  }

  @DELETE
  @Path("{id}")
  @Access(AccessLevel.ADMIN)
  @Operation(summary = "Delete a customer without conversations")
  public Response delete(@PathParam("id") long id) {
    customers.delete(caller.tenant(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/tags")
  @Operation(summary = "Add tags")
  public CustomerCard tag(@PathParam("id") long id, CustomerRequests.Tags request) {
    List<String> tags = RequestBody.require(request).tags();
    if (tags == null || tags.isEmpty()) {
      throw new InvalidInputException("tags", "must list at least one tag");
    }
    return CustomerCard.of(customers.tag(caller.tenant(), id, tags));
  }

  @DELETE
  @Path("{id}/tags/{tag}")
  @Operation(summary = "Remove a tag")
  public CustomerCard untag(@PathParam("id") long id, @PathParam("tag") String tag) {
    return CustomerCard.of(customers.untag(caller.tenant(), id, tag));
  }

  @GET
  @Path("{id}/notes")
  @Operation(summary = "Staff-only notes on the customer, newest first")
  public ListView<CustomerNoteView> notes(@PathParam("id") long id) {
    return ListView.all(customers.notes(caller.tenant(), id), CustomerNoteView::of);
  }

  @POST
  @Path("{id}/notes")
  @Operation(summary = "Add a staff-only note")
  public Response addNote(@PathParam("id") long id, CustomerRequests.Note request) {
    CustomerNoteView note = CustomerNoteView.of(
        customers.addNote(caller.tenant(), id, caller.agentId(), RequestBody.require(request).text()));
    return Response.status(Response.Status.CREATED).entity(note).build();
  }

  @DELETE
  @Path("{id}/notes/{noteId}")
  @Operation(summary = "Delete a note")
  public Response deleteNote(@PathParam("id") long id, @PathParam("noteId") long noteId) {
    customers.deleteNote(caller.tenant(), id, noteId);
    return Response.noContent().build();
  }
}
