package io.itam.io.inventory.cyclonedx;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.itam.io.inventory.ProductMapping;
import io.itam.model.Estate;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Commercial licence data in CycloneDX bills of materials (iso19770-formats.md §6): entitlements
 * read from the {@code licensing} of a BOM's licences (1.5, 1.6: {@code license.licensing}; 1.7
 * also beside an {@code expression}; JSON or XML), and the properties a licence position written as
 * such data carries.
 *
 * <p><b>Reading.</b> CycloneDX {@code licensing} has no quantity, so a licence becomes an
 * entitlement only when its properties (the licence's, else the component's) give one; others with
 * {@code licensing} are listed in {@link CycloneDxEntitlements#skipped()} with what their licensing
 * says. The properties (names in the {@code itam:} namespace):
 *
 * <table>
 *   <caption>Properties of a licence</caption>
 *   <tr><th>property</th><th>entitlement field</th><th>when absent</th></tr>
 *   <tr><td>{@code itam:quantity}</td><td>quantity</td><td>not an entitlement (skipped)</td></tr>
 *   <tr><td>{@code itam:licenseModel}</td><td>licenseModel</td><td>the one model of the
 *       component's product (found by {@link ProductMapping}: {@code swid.tagId}, name,
 *       publisher) that the {@code licenseTypes} allow ({@code device}, {@code named-user},
 *       {@code concurrent-user}, {@code core-points}, …); none or several: skipped</td></tr>
 *   <tr><td>{@code itam:entitlement}</td><td>id</td><td>{@code purchaseOrder}, else the
 *       licence's {@code bom-ref}, else {@code component/licence}; such ids shared by several
 *       licences get {@code /1}, {@code /2} in document order</td></tr>
 *   <tr><td>{@code itam:validFrom}</td><td>validFrom</td><td>{@code lastRenewal}</td></tr>
 *   <tr><td>{@code itam:validUntil}</td><td>validUntil</td><td>{@code expiration}, unless the
 *       {@code licenseTypes} include {@code perpetual}</td></tr>
 *   <tr><td>{@code itam:maintenanceUntil}</td><td>maintenanceUntil</td><td>{@code expiration} of
 *       a {@code perpetual} licence (what expires is its support)</td></tr>
 *   <tr><td>{@code itam:scope}</td><td>scope</td><td>none</td></tr>
 *   <tr><td>{@code itam:unitPrice}</td><td>unitPrice ({@code 420.00}, in the estate's currency,
 *       or {@code 420.00 EUR})</td><td>none</td></tr>
 *   <tr><td>{@code itam:reference}</td><td>reference</td><td>{@code purchaseOrder}</td></tr>
 * </table>
 *
 * <p>Dates are the date part of the date-time as written (its own offset), so the machine's time
 * zone never matters. Every problem (malformed JSON or XML, not a BOM, a value of the wrong type,
 * an unknown licence model or unit, a duplicate {@code itam:entitlement}) is reported at once, at
 * {@code file:path} ({@code bom.json:components[0].licenses[0].license.properties}) or {@code
 * file:line:column} in XML, in one {@link ValidationException}.
 *
 * <pre>{@code
 * Estate catalogue = EstateReader.create().read(Path.of("estate.json"));
 * CycloneDxEntitlements bought = CycloneDxLicensing.readEntitlements(Path.of("bom.json"), catalogue);
 * Estate estate = bought.addTo(catalogue.toBuilder()).build();
 * }</pre>
 *
 * <p><b>Writing.</b> {@link io.itam.io.position.PositionCycloneDx} writes a CycloneDX 1.6 JSON BOM
 * with one component per product the position covers (a product row with covered units), whose
 * licences are the entitlements of the licence models covering it, each with {@code licensing}
 * ({@code altIds}: the entitlement id; {@code purchaseOrder}: its reference; {@code licenseTypes}
 * from the metric, plus {@code perpetual} or {@code subscription}; {@code lastRenewal} and {@code
 * expiration} from its validity) and the properties above, plus {@code itam:consumed}, the units
 * allocated to the product when the position lists allocations. The same position gives the same
 * bytes, and reading them back gives the same entitlements.
 */
public final class CycloneDxLicensing {
  /** Property: units bought. */
  public static final String QUANTITY = "itam:quantity";

  /** Property: the id of the estate's licence model bought. */
  public static final String LICENSE_MODEL = "itam:licenseModel";

  /** Property: the entitlement's id. */
  public static final String ENTITLEMENT = "itam:entitlement";

  /** Property: the organisation unit whose subtree the entitlement covers. */
  public static final String SCOPE = "itam:scope";

  /** Property: the first day of validity. */
  public static final String VALID_FROM = "itam:validFrom";

  /** Property: the last day of validity. */
  public static final String VALID_UNTIL = "itam:validUntil";

  /** Property: the last day of maintenance. */
  public static final String MAINTENANCE_UNTIL = "itam:maintenanceUntil";

  /** Property: the price of one unit ({@code 420.00} or {@code 420.00 EUR}). */
  public static final String UNIT_PRICE = "itam:unitPrice";

  /** Property: a free reference (contract, invoice). */
  public static final String REFERENCE = "itam:reference";

  /** Property written: units of the entitlement allocated to the component's product. */
  public static final String CONSUMED = "itam:consumed";

  /** The largest BOM read, in bytes (256 MiB). */
  public static final int MAX_BYTES = 256 << 20;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  private CycloneDxLicensing() {}

  /**
   * Reads the entitlements of the BOM in {@code file} (JSON or XML) for the licence models of
   * {@code catalogue}, matching components to its products automatically.
   *
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the BOM
   */
  public static CycloneDxEntitlements readEntitlements(Path file, Estate catalogue)
      throws IOException {
    return readEntitlements(file, catalogue, ProductMapping.automatic(catalogue.products()));
  }

  /**
   * Reads the entitlements of the BOM in {@code file} (JSON or XML), matching components to the
   * products of {@code catalogue} with {@code mapping}.
   *
   * @throws IOException when the file cannot be read
   * @throws ValidationException listing every problem of the BOM
   */
  public static CycloneDxEntitlements readEntitlements(
      Path file, Estate catalogue, ProductMapping mapping) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new ValidationException(
          List.of(Problem.at(file.toString(), "larger than " + (MAX_BYTES >> 20) + " MiB")));
    }
    return readEntitlements(Files.readAllBytes(file), file.toString(), catalogue, mapping);
  }

  /**
   * Reads the entitlements of the BOM in {@code bom} (JSON or XML); {@code source} names it in
   * problems.
   *
   * @throws ValidationException listing every problem of the BOM
   */
  public static CycloneDxEntitlements readEntitlements(
      byte[] bom, String source, Estate catalogue, ProductMapping mapping) {
    requireNonNull(bom, "bom");
    requireNonNull(source, "source");
    requireNonNull(catalogue, "catalogue");
    requireNonNull(mapping, "mapping");
    List<Problem> problems = new ArrayList<>();
    List<BomLicence> licences;
    int first = 0;
    if (bom.length >= 3
        && bom[0] == (byte) 0xEF
        && bom[1] == (byte) 0xBB
        && bom[2] == (byte) 0xBF) {
      first = 3;
    }
    while (first < bom.length
        && (bom[first] == ' ' || bom[first] == '\n' || bom[first] == '\r' || bom[first] == '\t')) {
      first++;
    }
    if (first < bom.length && bom[first] == '<') {
      licences = BomXml.read(bom, source, problems);
    } else if (first < bom.length && bom[first] == '{') {
      licences = BomJson.read(bom, source, problems);
    } else {
      throw new ValidationException(
          List.of(Problem.at(source, "not a CycloneDX BOM: expected JSON ({) or XML (<)")));
    }
    CycloneDxEntitlements read =
        problems.isEmpty()
            ? new BomEntitlements(source, catalogue, mapping, problems).convert(licences)
            : null;
    if (!problems.isEmpty() || read == null) {
      throw new ValidationException(problems);
    }
    return read;
  }
}
