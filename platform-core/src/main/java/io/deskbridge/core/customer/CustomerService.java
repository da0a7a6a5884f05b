package io.deskbridge.core.customer;

import io.deskbridge.core.event.CustomerUpdated;
import io.deskbridge.core.outbox.Outbox;
import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Page;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/** Keeps customer cards: profile, tags and staff-only notes. */
@ApplicationScoped
@Transactional
public class CustomerService {

  private final CustomerRepository customers;
  private final CustomerConversations conversations;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  public CustomerService(CustomerRepository customers, CustomerConversations conversations, Outbox outbox,
      Clock clock) {
    this.customers = customers;
    this.conversations = conversations;
    this.outbox = outbox;
    this.clock = clock;
  }

  protected CustomerService() {
    this(null, null, null, null);
  }

  private Customer changed(Customer customer) {
    outbox.publish(new CustomerUpdated(customer.tenantId().value(), customer.id(), clock.instant()));
    return customer;
  }

  public Customer create(TenantId tenant, CustomerProfile profile, Collection<String> tags, boolean ourClient) {
    profile.validate("");
    validateTags(tags);
    Customer customer = new Customer(tenant, null, clock.instant());
    customer.update(profile, clock.instant());
    customer.treatAsOurClient(ourClient, clock.instant());
    if (tags != null) {
      tags.forEach(t -> customer.tag(t, clock.instant()));
    }
    customers.add(customer);
    return customer;
  }

  /**
   * Changes the profile and, when given, replaces the tags and sets the "our client" flag, which the
   * customer's conversations that are not closed follow; all or nothing.
   */
  public Customer update(TenantId tenant, long id, CustomerProfile profile, Collection<String> tags,
      Boolean ourClient, Long expectedVersion) {
    profile.validate("");
    validateTags(tags);
    Customer customer = get(tenant, id);
    if (ourClient != null && ourClient != customer.isOurClient()) {
      // The lock intake takes too: a conversation being opened now is either opened with the new
      // flag or already committed, so the update below reaches it.
      customers.lockForIntake(customer);
    }
    ConflictException.requireVersion("Customer", id, expectedVersion, customer.version());
    customer.update(profile, clock.instant());
    if (tags != null) {
      customer.retag(tags, clock.instant());
    }
    if (ourClient != null && customer.treatAsOurClient(ourClient, clock.instant())) {
      conversations.treatAsOurClient(tenant, id, ourClient);
    }
    return changed(customer);
  }

  /** Only a customer without conversations can be deleted; otherwise the history would dangle. */
  public void delete(TenantId tenant, long id) {
    Customer customer = get(tenant, id);
    if (conversations.exist(tenant, id)) {
      throw new ConflictException(
          "customer-has-conversations", "Customer " + id + " has conversations and cannot be deleted.");
    }
    customers.notes(tenant, id).forEach(customers::remove);
    customers.remove(customer);
  }

  public Customer get(TenantId tenant, long id) {
    return customers.findById(tenant, id).orElseThrow(() -> new NotFoundException("Customer", id));
  }

  public Page<Customer> search(TenantId tenant, CustomerSearch search) {
    return customers.search(tenant, search);
  }

  public Customer tag(TenantId tenant, long id, Collection<String> tags) {
    validateTags(tags);
    Customer customer = get(tenant, id);
    tags.forEach(t -> customer.tag(t, clock.instant()));
    return changed(customer);
  }

  public Customer untag(TenantId tenant, long id, String tag) {
    Customer customer = get(tenant, id);
    customer.untag(tag, clock.instant());
    return changed(customer);
  }

  public CustomerNote addNote(TenantId tenant, long customerId, Long authorId, String text) {
    new Validation().required("text", text).maxLength("text", text, 10000).orThrow();
    get(tenant, customerId);
    CustomerNote note = new CustomerNote(tenant, customerId, authorId, text.trim(), clock.instant());
    customers.add(note);
    return note;
  }

  public List<CustomerNote> notes(TenantId tenant, long customerId) {
    get(tenant, customerId);
    return customers.notes(tenant, customerId);
  }

  public void deleteNote(TenantId tenant, long customerId, long noteId) {
    CustomerNote note = customers
        .findNote(tenant, customerId, noteId)
        .orElseThrow(() -> new NotFoundException("Customer note", noteId));
    customers.remove(note);
  }

  private static void validateTags(Collection<String> tags) {
    Validation v = new Validation();
    if (tags != null) {
      for (String tag : tags) {
        v.check(tag != null && !tag.isBlank() && tag.trim().length() <= 50,
            "tags", "each tag must be 1-50 characters");
      }
    }
    v.orThrow();
  }
}
