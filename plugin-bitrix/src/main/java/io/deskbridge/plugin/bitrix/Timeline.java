package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Lease;
import io.deskbridge.core.plugin.spi.Mappings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes comments to a lead's or deal's timeline with {@code batch}, up to 50 per request, in the
 * order given, and answers what became of each. A command Bitrix24 fails inside a batch is the only
 * one its job sends again (the others are recorded as written and skipped when they come back); one
 * whose batch went unanswered is first looked for on the timeline by the marker at the end of its
 * text, so a crash mid-batch never writes a comment twice.
 */
final class Timeline {

  /** One comment to write; the key ends its text as a marker. */
  record Comment(String key, String text) {}

  /** Long enough for a timeline look-up and a batch at the portal's timeout; short enough to outlive a crash. */
  private static final Duration WRITE_LEASE = Duration.ofMinutes(1);
  /** A held lease is waited out in few attempts, so a job never dies of a crashed server's lease. */
  private static final Duration LEASE_WAIT = Duration.ofSeconds(20);

  private final Portal portal;
  private final CommentStates states;
  private final Mappings mappings;
  private final Clock clock;

  Timeline(Portal portal, CommentStates states, Mappings mappings, Clock clock) {
    this.portal = portal;
    this.states = states;
    this.mappings = mappings;
    this.clock = clock;
  }

  static String marker(String key) {
    return "[deskbridge " + key + "]";
  }

  /**
   * Writes those of the comments not yet written and answers each one's result by key, in order. A
   * call that failed as a whole (no answer, a limit) throws instead: nothing was learnt per comment.
   */
  Map<String, DeliveryResult> write(long conversationId, CrmEntity entity, List<Comment> comments) {
    // The outbox runs one job of a conversation at a time, but a job outliving its claim may run on two
    // servers at once: both would send the same comments.
    Lease lease = new Lease(mappings, "timeline:" + conversationId, clock);
    if (!lease.tryAcquire(WRITE_LEASE)) {
      throw PortalCallFailed.retry(LEASE_WAIT, "another job is writing conversation " + conversationId
          + "'s timeline");
    }
    try {
      List<Comment> uncertain = comments.stream().filter(c -> states.isUncertain(c.key())).toList();
      if (!uncertain.isEmpty()) {
        adoptWritten(entity, uncertain);
      }
      List<Comment> owed = comments.stream()
          .filter(c -> !states.isWritten(c.key()) && states.refusal(c.key()).isEmpty()).toList();
      Map<String, DeliveryResult> failures = new HashMap<>();
      for (int from = 0; from < owed.size(); from += Batch.MAX_COMMANDS) {
        failures.putAll(send(entity, owed.subList(from, Math.min(owed.size(), from + Batch.MAX_COMMANDS))));
      }
      Map<String, DeliveryResult> results = new LinkedHashMap<>();
      for (Comment c : comments) {
        results.put(c.key(), failures.getOrDefault(c.key(), states.refusal(c.key())
            .map(error -> DeliveryResult.failed("Bitrix24 refused the timeline comment " + c.key() + ": " + error))
            .orElseGet(DeliveryResult::done)));
      }
      return results;
    } finally {
      lease.release();
    }
  }

  private Map<String, DeliveryResult> send(CrmEntity entity, List<Comment> owed) {
    Batch batch = new Batch();
    for (Comment c : owed) {
      batch.add(c.key(), "crm.timeline.comment.add", Json.createObjectBuilder().add("fields",
          Json.createObjectBuilder().add("ENTITY_ID", entity.id()).add("ENTITY_TYPE", entity.type())
              .add("COMMENT", c.text())).build());
      states.sending(c.key());
    }
    Batch.Outcome outcome;
    try {
      outcome = batch.send(portal);
    } catch (PortalCallFailed e) {
      if (e.isRefusal()) {
        owed.forEach(c -> states.stillOwed(c.key()));
      }
      throw e;
    }
    return settle(owed, outcome);
  }

  /** Records each command's fate; those that failed for a reason that may pass get a retry, sharing one detail. */
  private Map<String, DeliveryResult> settle(List<Comment> owed, Batch.Outcome outcome) {
    List<String> passing = new ArrayList<>();
    List<String> passingKeys = new ArrayList<>();
    boolean overBudget = false;
    for (Comment c : owed) {
      Batch.CommandError error = outcome.errors().get(c.key());
      if (outcome.results().containsKey(c.key())) {
        states.written(c.key(), CrmRecords.id(outcome.results().get(c.key())));
      } else if (error != null && !error.isPassing()) {
        states.refused(c.key(), error.toString());
      } else {
        states.stillOwed(c.key());
        passingKeys.add(c.key());
        passing.add(c.key() + " " + (error == null ? "{not run, }" : error));
        overBudget |= error != null && error.error().equals("OPERATION_TIME_LIMIT");
      }
    }
    Map<String, DeliveryResult> failures = new HashMap<>();
    if (!passing.isEmpty()) {
      // A spent time budget frees up over minutes; other passing failures follow the outbox's backoff.
      String detail = passing.size() + " of " + owed.size()
          + " timeline comments failed in a Bitrix24 batch and will be sent again: " + String.join("; ", passing);
      DeliveryResult retry = overBudget ? DeliveryResult.retryAfter(Portal.METHOD_PAUSE, detail)
          : DeliveryResult.retry(detail);
      passingKeys.forEach(k -> failures.put(k, retry));
    }
    return failures;
  }

  /** The batch of these comments went unanswered: adopt those the timeline shows, owe the rest again. */
  private void adoptWritten(CrmEntity entity, List<Comment> uncertain) {
    Map<String, Long> onTimeline = markersOn(entity);
    for (Comment c : uncertain) {
      Long id = onTimeline.get(marker(c.key()));
      if (id != null) {
        states.written(c.key(), id);
      } else {
        states.stillOwed(c.key());
      }
    }
  }
  private Map<String, Long> markersOn(CrmEntity entity) {
    Map<String, Long> found = new HashMap<>();
    long start = 0;
    while (true) {
      JsonObject answer = portal.answer("crm.timeline.comment.list", Json.createObjectBuilder()
          .add("filter", Json.createObjectBuilder().add("ENTITY_ID", entity.id()).add("ENTITY_TYPE", entity.type()))
          .add("select", Json.createArrayBuilder().add("ID").add("COMMENT")).add("start", start).build());
      for (JsonValue v : answer.getJsonArray("result")) {
        String comment = v.asJsonObject().getString("COMMENT", "");
        int at = comment.lastIndexOf("[deskbridge ");
        if (at >= 0) {
          found.put(comment.substring(at).trim(), Long.parseLong(v.asJsonObject().getString("ID")));
        }
      }
      if (!answer.containsKey("next")) {
        return found;
      }
      start = answer.getJsonNumber("next").longValue();
    }
  }
}
