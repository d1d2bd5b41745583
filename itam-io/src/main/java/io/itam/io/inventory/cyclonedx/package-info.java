/**
 * CycloneDX bills of materials as an input and an output of licence data (CycloneDX 1.5–1.7 {@code
 * licensing}; {@code shared/docs/iso19770-formats.md} §6): entitlements read from the commercial
 * licensing of a BOM's licences, and a licence position written as licensing data of the components
 * it covers ({@link io.itam.io.inventory.cyclonedx.CycloneDxLicensing}).
 *
 * <p>Malformed input is reported all at once, each problem at its file and path, in one {@link
 * io.itam.model.ValidationException}, never as another exception.
 *
 * <p>Nothing is {@code null} unless marked {@code @Nullable}: the package is null-marked
 * (JSpecify).
 */
@NullMarked
package io.itam.io.inventory.cyclonedx;

import org.jspecify.annotations.NullMarked;
