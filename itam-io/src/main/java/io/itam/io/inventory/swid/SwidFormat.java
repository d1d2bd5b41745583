package io.itam.io.inventory.swid;

/**
 * The edition of a software identification tag, as its namespace or encoding tells
 * (iso19770-formats.md §0).
 *
 * <p>Draft namespaces seen in the wild are read as the edition they preceded: {@code
 * …/-2/2014-DIS/schema.xsd} (Labs64/swid-generator) and {@code …/-2/2015-current/schema.xsd} as
 * 2015; {@code …/-2/2008/schema.xsd} as 2009.
 */
public enum SwidFormat {
  /** ISO/IEC 19770-2:2015: root {@code SoftwareIdentity}, data in attributes (§1). */
  SWID_2015("ISO/IEC 19770-2:2015"),
  /** ISO/IEC 19770-2:2009: root {@code software_identification_tag}, data in elements (§2). */
  SWID_2009("ISO/IEC 19770-2:2009"),
  /** Concise SWID, RFC 9393: the 2015 model in CBOR with integer labels (§3). */
  COSWID("CoSWID (RFC 9393)");

  private final String title;

  SwidFormat(String title) {
    this.title = title;
  }

  /** The standard's name, for messages ({@code "ISO/IEC 19770-2:2015"}). */
  public String title() {
    return title;
  }

  @Override
  public String toString() {
    return title;
  }
}
