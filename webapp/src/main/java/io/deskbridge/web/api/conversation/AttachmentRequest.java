package io.deskbridge.web.api.conversation;

import io.deskbridge.core.conversation.NewAttachment;
import java.util.List;

/** A file in a JSON body: {@code data} is Base64 (Jackson decodes it into bytes). */
public record AttachmentRequest(String name, String contentType, byte[] data) {

  public static List<NewAttachment> toNew(List<AttachmentRequest> files) {
    return files == null ? List.of()
        : files.stream().map(f -> f == null ? new NewAttachment(null, null, null)
            : new NewAttachment(f.name(), f.contentType(), f.data())).toList();
  }
}
