package io.deskbridge.web.api;

import io.deskbridge.core.conversation.Attachment;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** An attachment sent back as a download, the same way to agents, channels and widget visitors. */
public final class FileDownload {

  private FileDownload() {}

  /** Never rendered inline: a file a customer uploaded must not run as a page of this site. */
  public static Response of(Attachment attachment, byte[] content) {
    return Response.ok(content, attachment.contentType())
        .header("Content-Disposition", disposition(attachment.name()))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** The file's name as given, for any browser: an ASCII fallback and the exact name per RFC 6266. */
  static String disposition(String name) {
    String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "").replace("\\", "");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
  }
}
