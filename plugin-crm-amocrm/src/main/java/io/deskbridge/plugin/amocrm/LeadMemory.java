package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.Mappings;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * What Deskbridge last heard about a lead (its stage and budget) and the names of the account's
 * stages, kept in the mappings so the customer card can show them without calling amoCRM. Fed by
 * the sync's own answers and by amoCRM's webhooks.
 */
final class LeadMemory {

  private static final String STAGE = "lead-stage";
  private static final String PRICE = "lead-price";
  private static final String STAGE_NAME = "stage-name";

  private final Mappings mappings;

  LeadMemory(Mappings mappings) {
    this.mappings = mappings;
  }

  void stage(long leadId, long stageId) {
    mappings.remember(STAGE, Long.toString(leadId), Long.toString(stageId));
  }

  void price(long leadId, long price) {
    mappings.remember(PRICE, Long.toString(leadId), Long.toString(price));
  }

  void lead(Lead lead) {
    stage(lead.id(), lead.statusId());
    price(lead.id(), lead.price());
  }

  /** The stage's name if the account's pipelines were read, else its id. */
  Optional<String> stageOf(long leadId) {
    return mappings.remoteId(STAGE, Long.toString(leadId)).map(id -> mappings.remoteId(STAGE_NAME, id)
        .orElse(id.equals(Long.toString(Lead.WON)) ? "won" : id.equals(Long.toString(Lead.LOST)) ? "lost"
            : "stage " + id));
  }

  /** The stage's name as the account's pipelines list it, once they were read. */
  Optional<String> nameOf(String stageId) {
    return mappings.remoteId(STAGE_NAME, stageId);
  }

  Optional<Long> priceOf(long leadId) {
    return mappings.remoteId(PRICE, Long.toString(leadId)).map(Long::parseLong);
  }

  boolean knowsStage(long stageId) {
    return mappings.remoteId(STAGE_NAME, Long.toString(stageId)).isPresent();
  }

  /** Learns every stage name from {@code GET /api/v4/leads/pipelines}. */
  void stageNames(JsonObject pipelines) {
    if (!(pipelines.getJsonObject("_embedded").get("pipelines") instanceof JsonArray list)) {
      return;
    }
    for (JsonValue p : list) {
      JsonObject embedded = p.asJsonObject().getJsonObject("_embedded");
      if (embedded != null && embedded.get("statuses") instanceof JsonArray statuses) {
        for (JsonValue s : statuses) {
          mappings.remember(STAGE_NAME, s.asJsonObject().getJsonNumber("id").toString(),
              s.asJsonObject().getString("name", ""));
        }
      }
    }
  }
}
