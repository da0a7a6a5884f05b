package io.deskbridge.core.reply;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved reply's body with {@code {{customer.name}}}-style placeholders. Known placeholders are
 * filled (empty when the value is unknown); unknown ones stay visible so the agent notices them
 * before sending.
 */
public record ReplyTemplate(String body) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+\\.[a-zA-Z]+)\\s*}}");

  public String render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String replacement = values.containsKey(key) ? nullToEmpty(values.get(key)) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
