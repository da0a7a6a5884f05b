package io.deskbridge.core.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stable event names and their record classes, for storing events and for module configs. */
public final class EventTypes {

  private static final Map<String, Class<? extends DomainEvent>> BY_NAME = Map.ofEntries(
      Map.entry(ConversationCreated.TYPE, ConversationCreated.class),
      Map.entry(MessageAdded.TYPE, MessageAdded.class),
      Map.entry(ConversationAssigned.TYPE, ConversationAssigned.class),
      Map.entry(CategorySet.TYPE, CategorySet.class),
      Map.entry(StatusChanged.TYPE, StatusChanged.class),
      Map.entry(ConversationClosed.TYPE, ConversationClosed.class),
      Map.entry(ConversationReopened.TYPE, ConversationReopened.class),
      Map.entry(ConversationTransferred.TYPE, ConversationTransferred.class),
      Map.entry(CustomerUpdated.TYPE, CustomerUpdated.class),
      Map.entry(SlaWarned.TYPE, SlaWarned.class),
      Map.entry(SlaBreached.TYPE, SlaBreached.class));

  private EventTypes() {}

  public static List<String> names() {
    return BY_NAME.keySet().stream().sorted().toList();
  }

  public static Optional<Class<? extends DomainEvent>> classOf(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

}
