package io.deskbridge.core.agent;

/** Whether an agent takes new conversations now (lunch, break and end of shift are OFFLINE). */
public enum Availability {
  ONLINE,
  OFFLINE
}
