/**
 * Software identification tags as an input of the estate: ISO/IEC 19770-2:2015 and 2009 SWID tags
 * (XML, with the draft namespaces seen in the wild) and CoSWID tags (RFC 9393, CBOR), read into one
 * model ({@link io.itam.io.inventory.swid.SwidTag}) and turned into installations of catalogue
 * products ({@link io.itam.io.inventory.swid.SwidTags}, {@link
 * io.itam.io.inventory.ProductMapping}). The formats and what each field means for compliance are
 * described in {@code shared/docs/iso19770-formats.md}.
 *
 * <p>Every tag read ends up either in an installation or in the list of unmapped tags with the
 * reason; malformed input is reported all at once, each problem at its file and line, in one {@link
 * io.itam.model.ValidationException}, never as another exception.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.io.inventory.swid;

import org.jspecify.annotations.NullMarked;
