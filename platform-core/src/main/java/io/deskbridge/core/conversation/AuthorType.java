package io.deskbridge.core.conversation;

/** Who wrote a timeline entry. */
public enum AuthorType {
  CUSTOMER,
  AGENT,
  SYSTEM
}
