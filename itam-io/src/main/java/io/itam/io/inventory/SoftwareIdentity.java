package io.itam.io.inventory;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What a tag or a bill-of-materials component says the software is: the keys {@link ProductMapping}
 * matches to a catalogue product (iso19770-formats.md §1: name, version, Meta {@code
 * edition}/{@code product}/{@code colloquialVersion}, the licensor's name and regid).
 *
 * @param tagId the SWID tag id; {@code null} when none is known (a BOM component without {@code
 *     swid})
 * @param name the software's name
 * @param version its version as the tag writes it; {@code null} when unknown
 * @param colloquialVersion the marketing version ({@code "12"}, {@code "2019"}); {@code null} when
 *     unknown
 * @param edition the edition as the tag writes it; {@code null} when unknown
 * @param product the Meta {@code product} name, which often omits edition and version; {@code null}
 *     when unknown
 * @param publisher the licensor's (else software creator's) name; {@code null} when unknown
 * @param regid the licensor's (else software creator's) registration id; {@code null} when unknown
 */
public record SoftwareIdentity(
    @Nullable String tagId,
    String name,
    @Nullable String version,
    @Nullable String colloquialVersion,
    @Nullable String edition,
    @Nullable String product,
    @Nullable String publisher,
    @Nullable String regid) {

  public SoftwareIdentity {
    requireNonNull(name, "name");
  }
}
