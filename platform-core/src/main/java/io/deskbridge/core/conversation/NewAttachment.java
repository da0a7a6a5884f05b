package io.deskbridge.core.conversation;

import io.deskbridge.core.shared.Validation;
import java.util.regex.Pattern;

/** A file as it arrives with a message, before it is stored. */
public record NewAttachment(String name, String contentType, byte[] content) {

  private static final Pattern MEDIA_TYPE = Pattern.compile("^[\\w.+-]+/[\\w.+-]+$");

  /** The default per-file limit; a tenant may change it with Tenant.ATTACHMENT_LIMIT_SETTING. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;


  public void validate(String field, long maxBytes) {
    new Validation()
        .required(field + ".name", name)
        .maxLength(field + ".name", name, 255)
        .check(contentType == null || MEDIA_TYPE.matcher(contentType).matches(),
            field + ".contentType", "must be a media type such as image/png")
        .required(field + ".data", content)
        .check(content == null || content.length <= maxBytes,
            field + ".data", "is larger than the limit of " + maxBytes + " bytes")
        .orThrow();
  }

  @Override
  public String contentType() {
    return contentType == null ? "application/octet-stream" : contentType;
  }
}
