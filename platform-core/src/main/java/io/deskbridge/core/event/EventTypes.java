package io.deskbridge.core.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stable event names and their record classes, for storing events and for module configs. */
public final class EventTypes {

  private static final Map<String, Class<? extends DomainEvent>> BY_NAME = Map.of(
      ConversationCreated.TYPE, ConversationCreated.class,
      MessageAdded.TYPE, MessageAdded.class,
      ConversationAssigned.TYPE, ConversationAssigned.class,
      CategorySet.TYPE, CategorySet.class,
      StatusChanged.TYPE, StatusChanged.class,
      ConversationClosed.TYPE, ConversationClosed.class,
      ConversationReopened.TYPE, ConversationReopened.class,
      ConversationTransferred.TYPE, ConversationTransferred.class,
      CustomerUpdated.TYPE, CustomerUpdated.class);

  private EventTypes() {}

  public static List<String> names() {
    return BY_NAME.keySet().stream().sorted().toList();
  }

  public static Optional<Class<? extends DomainEvent>> classOf(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

}
