package io.deskbridge.plugin.bitrix;

/**
 * The lead or deal a conversation lives on in Bitrix24. Stored in the mappings as {@code deal:12}.
 *
 * @param type {@code lead} or {@code deal}, as {@code crm.timeline.comment.add} names it in ENTITY_TYPE
 */
record CrmEntity(String type, long id) {

  static CrmEntity parse(String stored) {
    int colon = stored.indexOf(':');
    return new CrmEntity(stored.substring(0, colon), Long.parseLong(stored.substring(colon + 1)));
  }

  String key() {
    return type + ":" + id;
  }

  boolean isDeal() {
    return BitrixConfig.DEAL.equals(type);
  }

  /** Leads keep their stage in STATUS_ID, deals in STAGE_ID. */
  String stageField() {
    return isDeal() ? "STAGE_ID" : "STATUS_ID";
  }

  String label() {
    return (isDeal() ? "deal" : "lead") + " #" + id;
  }

  String link(String portal) {
    return portal + "/crm/" + type + "/details/" + id + "/";
  }
}
