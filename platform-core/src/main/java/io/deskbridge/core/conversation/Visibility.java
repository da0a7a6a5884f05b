package io.deskbridge.core.conversation;

/** Whether the customer sees an entry. Derived from the entry's type, never set on its own. */
public enum Visibility {
  PUBLIC,
  INTERNAL
}
