package io.deskbridge.core.plugin.spi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A CRM's webhook body (amoCRM, Bitrix24): {@code application/x-www-form-urlencoded} with PHP-style bracketed keys
 * ({@code leads[status][0][id]=1001}). Keys are kept flat; callers ask for the paths they know.
 */
public final class FormBody {

  private final Map<String, String> values = new LinkedHashMap<>();

  public FormBody(String body) {
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.put(key, value);
    }
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The indexes under a list key: {@code indexes("leads[status]")} → 0, 1, … */
  public TreeSet<Integer> indexes(String prefix) {
    TreeSet<Integer> found = new TreeSet<>();
    for (String key : values.keySet()) {
      if (key.startsWith(prefix + "[")) {
        int end = key.indexOf(']', prefix.length() + 1);
        try {
          found.add(Integer.parseInt(key.substring(prefix.length() + 1, end)));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
          // not a list item: ignore the key
        }
      }
    }
    return found;
  }
}
