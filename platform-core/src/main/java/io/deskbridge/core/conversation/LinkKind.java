package io.deskbridge.core.conversation;

/** Why two conversations are linked: a transfer's two requests, or one customer asking twice. */
public enum LinkKind {
  RELATED,
  TRANSFERRED_FROM,
  TRANSFERRED_TO,
  DUPLICATE_OF;

  /** How the other conversation sees the same link. */
  public LinkKind reverse() {
    return switch (this) {
      case TRANSFERRED_FROM -> TRANSFERRED_TO;
      case TRANSFERRED_TO -> TRANSFERRED_FROM;
      case RELATED, DUPLICATE_OF -> RELATED;
    };
  }
}
