package io.deskbridge.core.category;

import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Maintains a tenant's categories. Categories are archived rather than deleted, because closed
 * conversations and reports keep pointing at them.
 */
@ApplicationScoped
@Transactional
public class CategoryService {

  private final CategoryRepository categories;

  @Inject
  public CategoryService(CategoryRepository categories) {
    this.categories = categories;
  }

  protected CategoryService() {
    this(null);
  }

  public Category create(TenantId tenant, String name, CategoryScope scope) {
    validate(name);
    ensureNameFree(tenant, name.trim(), null);
    Category category = new Category(tenant, name.trim(), scope == null ? CategoryScope.OWN : scope);
    categories.add(category);
    return category;
  }

  public Category update(TenantId tenant, long id, String name, CategoryScope scope) {
    validate(name);
    Category category = get(tenant, id);
    ensureNameFree(tenant, name.trim(), id);
    category.describe(name.trim(), scope == null ? category.scope() : scope);
    return category;
  }

  public Category archive(TenantId tenant, long id) {
    Category category = get(tenant, id);
    category.archive();
    return category;
  }

  public Category get(TenantId tenant, long id) {
    return categories.findById(tenant, id).orElseThrow(() -> new NotFoundException("Category", id));
  }

  public List<Category> list(TenantId tenant, boolean includeArchived) {
    return categories.list(tenant, includeArchived);
  }

  private void ensureNameFree(TenantId tenant, String name, Long self) {
    categories
        .findByName(tenant, name)
        .filter(c -> !c.id().equals(self))
        .ifPresent(c -> {
          throw new ConflictException("duplicate-name", "A category named '" + name + "' exists.");
        });
  }

  private static void validate(String name) {
    new Validation().required("name", name).maxLength("name", name, 200).orThrow();
  }
}
