package io.deskbridge.core.conversation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Persists a priority as its rank, so "ORDER BY priority DESC" puts urgent conversations first. */
@Converter
public class PriorityConverter implements AttributeConverter<Priority, Integer> {

  @Override
  public Integer convertToDatabaseColumn(Priority priority) {
    return priority.rank();
  }

  @Override
  public Priority convertToEntityAttribute(Integer rank) {
    return Priority.ofRank(rank);
  }
}
