package io.deskbridge.web.api;

import io.deskbridge.core.shared.Page;
import java.util.List;
import java.util.function.Function;

/** Every list answer: the items and the cursor of the next page ({@code null} on the last). */
public record ListView<T>(List<T> items, String next) {

  public static <S, T> ListView<T> of(Page<S> page, Function<S, T> view) {
    return new ListView<>(page.items().stream().map(view).toList(), page.next());
  }

  public static <S, T> ListView<T> all(List<S> items, Function<S, T> view) {
    return new ListView<>(items.stream().map(view).toList(), null);
  }
}
