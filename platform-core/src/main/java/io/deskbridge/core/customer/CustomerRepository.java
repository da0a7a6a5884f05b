package io.deskbridge.core.customer;

import io.deskbridge.core.shared.Page;
import io.deskbridge.core.tenant.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface CustomerRepository {

  Optional<Customer> findById(TenantId tenant, long id);

  /** The plan names of those of the tenant's customers that have one, by customer id. */
  Map<Long, String> planNames(TenantId tenant, Collection<Long> customerIds);

  Optional<Customer> findByIdentity(TenantId tenant, String channel, String externalId);

  /**
   * {@link #findByIdentity} holding the lock {@link #lockForIntake} takes, until the transaction
   * ends: how intake recognises a returning customer.
   */
  Optional<Customer> findByIdentityForIntake(TenantId tenant, String channel, String externalId);

  Page<Customer> search(TenantId tenant, CustomerSearch search);

  void add(Customer customer);

  /** Holds a row lock on the customer until the transaction ends. */
  void lockForIntake(Customer customer);

  void remove(Customer customer);

  List<CustomerNote> notes(TenantId tenant, long customerId);

  Optional<CustomerNote> findNote(TenantId tenant, long customerId, long noteId);

  void add(CustomerNote note);

  void remove(CustomerNote note);
}
