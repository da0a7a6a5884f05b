package io.deskbridge.web.api.category;

import io.deskbridge.core.category.Category;

public record CategoryView(long id, String name, String scope, boolean archived, long version) {

  static CategoryView of(Category c) {
    return new CategoryView(c.id(), c.name(), c.scope().name(), c.isArchived(), c.version());
  }
}
