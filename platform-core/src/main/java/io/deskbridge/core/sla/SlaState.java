package io.deskbridge.core.sla;

/** Where an SLA timer stands at the instant it was evaluated. */
public enum SlaState {
  /** Running, before its warning instant. */
  ON_TRACK,
  /** Running, at or after its warning instant and not yet past due. */
  AT_RISK,
  /** Past due without the stopping event; stays so after a late reply (a breach is not undone). */
  BREACHED,
  /** Stopped at or before its due instant. */
  MET,
  /** Stopped counting because the conversation is in a paused status; no deadline until it resumes. */
  PAUSED
}
