package io.deskbridge.core.widget;

import io.deskbridge.core.shared.Validation;
import java.util.regex.Pattern;

/**
 * What a visitor types into the widget. {@code clientMessageId} is chosen by the browser before the
 * first try, so a send retried after a lost answer is recognised and stored once.
 */
public record VisitorMessage(String clientMessageId, String name, String email, String language, String text) {

  public static final int MAX_TEXT = 4000;
  private static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

  void validate() {
    new Validation()
        .required("clientMessageId", clientMessageId)
        .check(clientMessageId == null || CLIENT_ID.matcher(clientMessageId).matches(), "clientMessageId",
            "must be 1-64 letters, digits, '-' or '_'")
        .check(name != null && !name.isBlank(), "name", "is required: how should we address you?")
        .maxLength("name", name, 200)
        .maxLength("email", email, 254)
        .email("email", email)
        .check(text != null && !text.isBlank(), "text", "is required")
        .maxLength("text", text, MAX_TEXT)
        .orThrow();
  }
}
