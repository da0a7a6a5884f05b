package io.deskbridge.plugin.slack;

import io.deskbridge.core.plugin.spi.Mappings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenant's #forum memory, the handbook's reason for asking in the channel: each question with
 * the answers its thread got, searchable by the words of a new conversation. It lives in the module's
 * mappings (one row per question and per answer text, plus an index of the latest
 * {@value #REMEMBERED} questions), so a search reads a few hundred short rows and needs no table.
 */
final class ForumMemory {

  static final int REMEMBERED = 60;
  /** A mapping value holds 500 characters. */
  private static final int ROW = 480;
  private static final String TYPE = "memory";
  private static final String INDEX = "index";

  /** A question asked before, with what colleagues answered. */
  record Entry(long conversationId, String question, String answers) {}

  private final Mappings mappings;

  ForumMemory(Mappings mappings) {
    this.mappings = mappings;
  }

  void asked(long conversationId, String question) {
    mappings.remember(TYPE, "q:" + conversationId, cut(question));
    for (int attempt = 0; attempt < 10; attempt++) {
      Optional<String> current = mappings.remoteId(TYPE, INDEX);
      List<String> ids = new ArrayList<>(current.map(v -> Arrays.asList(v.split(" "))).orElse(List.of()));
      ids.remove(Long.toString(conversationId));
      ids.add(Long.toString(conversationId));
      while (ids.size() > REMEMBERED || String.join(" ", ids).length() > ROW) {
        ids.remove(0);
      }
      if (mappings.compareAndSet(TYPE, INDEX, current.orElse(null), String.join(" ", ids))) {
        return;
      }
    }
  }

  Optional<String> question(long conversationId) {
    return mappings.remoteId(TYPE, "q:" + conversationId);
  }

  void answer(long conversationId, String author, String text) {
    String earlier = mappings.remoteId(TYPE, "a:" + conversationId).orElse("");
    mappings.remember(TYPE, "a:" + conversationId, cut((earlier.isEmpty() ? "" : earlier + " | ")
        + author + ": " + text));
  }

  /** Answered questions sharing the most words with {@code text}, best first, never the asking one. */
  List<Entry> similar(long conversationId, String text, int limit) {
    Set<String> words = words(text);
    String index = mappings.remoteId(TYPE, INDEX).orElse("");
    List<Entry> found = new ArrayList<>();
    for (String id : index.isEmpty() ? new String[0] : index.split(" ")) {
      long other = Long.parseLong(id);
      Optional<String> answers = mappings.remoteId(TYPE, "a:" + other);
      if (other == conversationId || answers.isEmpty()) {
        continue;
      }
      found.add(new Entry(other, question(other).orElse(""), answers.get()));
    }
    return found.stream().filter(e -> overlap(words, e) > 0)
        .sorted(Comparator.comparingLong((Entry e) -> overlap(words, e)).reversed()).limit(limit).toList();
  }

  private static long overlap(Set<String> words, Entry entry) {
    Set<String> theirs = words(entry.question() + " " + entry.answers());
    return words.stream().filter(theirs::contains).count();
  }

  /**
   * Words of four letters or more, cut to their first five: a crude stem that lets "charged" meet
   * "charges" and "refund" meet "refunded" without a language-specific stemmer.
   */
  private static Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 3)
        .map(w -> w.length() > 5 ? w.substring(0, 5) : w).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String cut(String text) {
    return text.length() <= ROW ? text : text.substring(0, ROW - 1) + "…";
  }
}
