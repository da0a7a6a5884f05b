package io.deskbridge.plugin.bitrix;

import io.deskbridge.plugin.bitrix.TimelineLedger.Entry;
import io.deskbridge.core.plugin.spi.Lease;
import io.deskbridge.core.plugin.spi.Mappings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a conversation's owed comments to its lead's or deal's timeline with {@code batch}, up to
 * 50 per request, oldest first. A command Bitrix24 fails inside a batch stays owed and is the only
 * one sent again; one whose batch went unanswered is first looked for on the timeline by the marker
 * at the end of its text, so a crash mid-batch never writes a comment twice.
 */
final class Timeline {

  private static final Duration FLUSH_LEASE = Duration.ofMinutes(2);

  private final Portal portal;
  private final TimelineLedger ledger;
  private final Mappings mappings;
  private final Clock clock;

  Timeline(Portal portal, TimelineLedger ledger, Mappings mappings, Clock clock) {
    this.portal = portal;
    this.ledger = ledger;
    this.mappings = mappings;
    this.clock = clock;
  }

  static String marker(String key) {
    return "[deskbridge " + key + "]";
  }

  /** Writes everything the conversation owes; throws a retry while some comment failed for a passing reason. */
  void flush(long conversationId, CrmEntity entity) {
    // The outbox runs one job of a conversation at a time, but a job outliving its claim may run on two
    // servers at once: two flushes of one ledger would both send what it owes.
    Lease lease = new Lease(mappings, "timeline:" + conversationId, clock);
    if (!lease.tryAcquire(FLUSH_LEASE)) {
      throw PortalCallFailed.retry(Duration.ofSeconds(1), "another job is writing conversation " + conversationId
          + "'s timeline");
    }
    try {
      flushOwed(conversationId, entity);
    } finally {
      lease.release();
    }
  }

  private void flushOwed(long conversationId, CrmEntity entity) {
    while (true) {
      List<Entry> owed = ledger.owed(conversationId, Batch.MAX_COMMANDS);
      if (owed.isEmpty()) {
        return;
      }
      if (owed.stream().anyMatch(Entry::isUncertain)) {
        adoptWritten(entity, owed);
        continue;
      }
      send(entity, owed);
    }
  }

  private void send(CrmEntity entity, List<Entry> owed) {
    Batch batch = new Batch();
    for (Entry e : owed) {
      batch.add(e.key(), "crm.timeline.comment.add", Json.createObjectBuilder().add("fields",
          Json.createObjectBuilder().add("ENTITY_ID", entity.id()).add("ENTITY_TYPE", entity.type())
              .add("COMMENT", e.text())).build());
      ledger.sending(e.key());
    }
    Batch.Outcome outcome;
    try {
      outcome = batch.send(portal);
    } catch (PortalCallFailed e) {
      if (e.isRefusal()) {
        owed.forEach(entry -> ledger.stillOwed(entry.key()));
      }
      throw e;
    }
    settle(owed, outcome);
  }

  /** Records each command's fate; throws a retry when some failed for a reason that may pass. */
  private void settle(List<Entry> owed, Batch.Outcome outcome) {
    List<String> passing = new ArrayList<>();
    boolean overBudget = false;
    for (Entry e : owed) {
      Batch.CommandError error = outcome.errors().get(e.key());
      if (outcome.results().containsKey(e.key())) {
        ledger.written(e.key(), CrmRecords.id(outcome.results().get(e.key())));
      } else if (error != null && !error.isPassing()) {
        ledger.refused(e.key(), error.toString());
      } else {
        ledger.stillOwed(e.key());
        passing.add(e.key() + " " + (error == null ? "{not run, }" : error));
        overBudget |= error != null && error.error().equals("OPERATION_TIME_LIMIT");
      }
    }
    if (!passing.isEmpty()) {
      // A spent time budget frees up over minutes; other passing failures follow the outbox's backoff.
      throw PortalCallFailed.retry(overBudget ? Portal.METHOD_PAUSE : null, passing.size() + " of " + owed.size()
          + " timeline comments failed in a Bitrix24 batch and will be sent again: " + String.join("; ", passing));
    }
  }

  /** The batch of these comments went unanswered: adopt those the timeline shows, owe the rest again. */
  private void adoptWritten(CrmEntity entity, List<Entry> owed) {
    Map<String, Long> onTimeline = markersOn(entity);
    for (Entry e : owed) {
      Long id = onTimeline.get(marker(e.key()));
      if (id != null) {
        ledger.written(e.key(), id);
      } else if (e.isUncertain()) {
        ledger.stillOwed(e.key());
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
