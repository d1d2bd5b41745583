package io.itam.model;

/** The lists of an estate document, with their names in the document. */
public enum EstateSection {
  ORGANIZATION("organization"),
  PRODUCTS("products"),
  LICENSE_MODELS("licenseModels"),
  ENTITLEMENTS("entitlements"),
  CLUSTERS("clusters"),
  DEVICES("devices"),
  USERS("users"),
  INSTALLATIONS("installations"),
  ACCESS("access"),
  USAGE("usage"),
  ALLOCATIONS("allocations"),
  EXEMPTIONS("exemptions");

  private final String field;

  EstateSection(String field) {
    this.field = field;
  }

  /** The list's field name in the document ({@code "licenseModels"}). */
  public String field() {
    return field;
  }

  /** The path of element {@code index} ({@code "devices[17]"}). */
  public String path(int index) {
    return field + "[" + index + "]";
  }
}
