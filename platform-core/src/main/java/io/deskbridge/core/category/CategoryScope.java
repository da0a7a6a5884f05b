package io.deskbridge.core.category;

/**
 * Whose problem a category describes. THIRD_PARTY problems (a CRM, a provider) wait for that vendor,
 * so their conversations pause the resolution timer instead of breaching it.
 */
public enum CategoryScope {
  OWN,
  THIRD_PARTY
}
