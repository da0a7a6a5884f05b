package io.deskbridge.core.conversation;

import io.deskbridge.core.tenant.TenantId;
import java.util.Optional;

/**
 * Where attachment bytes live. The default keeps them in the database (zero set-up); an object store
 * can replace it without touching the conversation model.
 */
public interface AttachmentStore {

  /** Stores the bytes within the caller's transaction and returns the key to find them again. */
  String put(TenantId tenant, byte[] content);

  Optional<byte[]> get(TenantId tenant, String key);
}
