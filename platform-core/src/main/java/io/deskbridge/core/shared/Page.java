package io.deskbridge.core.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list; {@code next} is the opaque cursor of the following page. */
public record Page<T>(List<T> items, String next) {

  /**
   * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only proves there
   * is a next page, whose cursor is made from the last row kept.
   */
  public static <T> Page<T> fromOverfetch(List<T> rows, int limit, Function<T, String> cursorOf) {
    if (rows.size() <= limit) {
      return new Page<>(List.copyOf(rows), null);
    }
    List<T> page = List.copyOf(rows.subList(0, limit));
    return new Page<>(page, cursorOf.apply(page.get(page.size() - 1)));
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), next);
  }
}
