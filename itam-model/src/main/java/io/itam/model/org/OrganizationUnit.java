package io.itam.model.org;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A unit of the organisation tree (group, legal entity, region, cost centre). Every device, user
 * and entitlement sits in a unit; an entitlement scoped to a unit may cover consumption anywhere in
 * that unit's subtree.
 *
 * @param id unique id of the unit
 * @param parent id of the parent unit; {@code null} for a root
 */
public record OrganizationUnit(String id, @Nullable String parent) {

  public OrganizationUnit {
    requireNonNull(id, "id");
  }

  /** A root unit. */
  public static OrganizationUnit root(String id) {
    return new OrganizationUnit(id, null);
  }

  /** A unit below {@code parent}. */
  public static OrganizationUnit of(String id, String parent) {
    return new OrganizationUnit(id, requireNonNull(parent, "parent"));
  }
}
