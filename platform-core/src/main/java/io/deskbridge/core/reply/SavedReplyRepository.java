package io.deskbridge.core.reply;

import io.deskbridge.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

public interface SavedReplyRepository {

  Optional<SavedReply> findById(TenantId tenant, long id);

  List<SavedReply> search(TenantId tenant, SavedReplySearch search);

  void add(SavedReply reply);

  void remove(SavedReply reply);
}
