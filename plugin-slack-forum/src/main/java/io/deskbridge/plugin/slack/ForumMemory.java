package io.deskbridge.plugin.slack;

import io.deskbridge.core.plugin.spi.Mappings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenant's #forum memory, the handbook's reason for asking in the channel: each question with
 * the answers its thread got, searchable by the words of a new conversation. It lives in the module's
 * mappings, one row per question and one per thread's answers; a search reads the
 * {@value #SEARCHED} most recently answered questions, which keeps it to two queries however long
 * the tenant has used the forum.
 */
final class ForumMemory {

  static final int SEARCHED = 2000;
  /** A mapping value holds 500 characters. */
  private static final int ROW = 480;
  private static final String QUESTION = "forum-question";
  private static final String ANSWERS = "forum-answers";

  /** A question asked before, with what colleagues answered. */
  record Entry(long conversationId, String question, String answers) {}

  private final Mappings mappings;

  ForumMemory(Mappings mappings) {
    this.mappings = mappings;
  }

  void asked(long conversationId, String question) {
    mappings.remember(QUESTION, Long.toString(conversationId), cut(question));
  }

  Optional<String> question(long conversationId) {
    return mappings.remoteId(QUESTION, Long.toString(conversationId));
  }

  void answer(long conversationId, String author, String text) {
    String earlier = mappings.remoteId(ANSWERS, Long.toString(conversationId)).orElse("");
    mappings.remember(ANSWERS, Long.toString(conversationId), cut((earlier.isEmpty() ? "" : earlier + " | ")
        + author + ": " + text));
  }

  /** Answered questions sharing the most words with {@code text}, best first, never the asking one. */
  List<Entry> similar(long conversationId, String text, int limit) {
    Set<String> words = words(text);
    List<Mappings.Entry> answered = mappings.recent(ANSWERS, SEARCHED);
    if (answered.isEmpty()) {
      return List.of();
    }
    // Most answered questions were asked recently too: one read for those, one each for the rest.
    Map<String, String> questions = new HashMap<>();
    mappings.recent(QUESTION, SEARCHED * 2).forEach(q -> questions.put(q.localId(), q.remoteId()));
    List<Entry> found = new ArrayList<>();
    for (Mappings.Entry answers : answered) {
      long other = Long.parseLong(answers.localId());
      if (other != conversationId) {
        String question = questions.containsKey(answers.localId()) ? questions.get(answers.localId())
            : question(other).orElse("");
        found.add(new Entry(other, question, answers.remoteId()));
      }
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
