package io.deskbridge.core;

import io.deskbridge.core.category.Category;
import io.deskbridge.core.category.CategoryScope;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.tenant.TenantId;
import java.lang.reflect.Field;
import java.time.Instant;

/**
 * Builds entities as if JPA had stored them: ids are assigned by the database in production, so
 * tests set the private {@code id} field by reflection instead of changing the main code.
 */
public final class TestEntities {

  public static final TenantId TENANT = new TenantId(1);

  private TestEntities() {}

  /** An open conversation of customer 7 on Telegram, as stored with the given id. */
  public static Conversation conversation(long id, Instant createdAt) {
    return withId(new Conversation(TENANT, 7, "telegram", null, createdAt), id);
  }

  public static Category category(long id) {
    return withId(new Category(TENANT, "Billing", CategoryScope.OWN), id);
  }

  public static Category archivedCategory(long id) {
    Category category = category(id);
    category.archive();
    return category;
  }

  /** Sets the JPA-assigned {@code id} field, which may be declared on a superclass. */
  public static <T> T withId(T entity, long id) {
    for (Class<?> type = entity.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField("id");
        field.setAccessible(true);
        field.set(entity, id);
        return entity;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot set the id of " + type.getName(), e);
      }
    }
    throw new IllegalArgumentException(entity.getClass().getName() + " has no id field");
  }
}
