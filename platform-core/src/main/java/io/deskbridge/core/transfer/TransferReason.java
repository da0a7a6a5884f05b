package io.deskbridge.core.transfer;

import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Optional;

/**
 * Why a conversation is passed on to another department (handbook 001), and what the customer is
 * told meanwhile ("your request is passed on"). Some reasons need no customer-side message; theirs
 * is absent. A reason a conversation was transferred for is archived, not deleted: it stays on that
 * conversation but cannot be chosen any more.
 */
@Entity
@Table(name = "transfer_reason")
public class TransferReason {

  public static final int MAX_NAME = 100;
  public static final int MAX_CUSTOMER_MESSAGE = 2000;

  @Id
  @SequenceGenerator(name = "transfer_reason_seq", sequenceName = "transfer_reason_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transfer_reason_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  @Column(name = "customer_message", length = MAX_CUSTOMER_MESSAGE)
  private String customerMessage;

  @Column(nullable = false)
  private boolean archived;

  @Version private long version;

  protected TransferReason() {}

  public TransferReason(TenantId tenant, String name, String customerMessage) {
    this.tenantId = tenant.value();
    describe(name, customerMessage);
  }

  /** Renames the reason or changes what the customer is told; a blank message means none is sent. */
  public void describe(String name, String customerMessage) {
    validate(name, customerMessage);
    this.name = name.trim();
    this.customerMessage = customerMessage == null || customerMessage.isBlank() ? null : customerMessage.trim();
  }

  /**
   * Checks a name and customer message before anything is looked up or changed, so a client learns
   * every bad field at once.
   */
  public static void validate(String name, String customerMessage) {
    new Validation()
        .required("name", name)
        .maxLength("name", name == null ? null : name.trim(), MAX_NAME)
        .maxLength("customerMessage", customerMessage == null ? null : customerMessage.trim(),
            MAX_CUSTOMER_MESSAGE)
        .orThrow();
  }

  public void archive() {
    archived = true;
  }

  /** An archived reason stays on old conversations but a new transfer cannot give it. */
  public void requireUsable() {
    if (archived) {
      throw new TransferReasonArchivedException(id);
    }
  }

  public Long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public String name() {
    return name;
  }

  /** The interim answer the customer gets on transfer; empty when this reason needs none. */
  public Optional<String> customerMessage() {
    return Optional.ofNullable(customerMessage);
  }

  public boolean isArchived() {
    return archived;
  }

  public long version() {
    return version;
  }
}
