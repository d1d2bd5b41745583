package io.itam.io.inventory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.itam.model.catalog.Product;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The ISO/IEC 19770 samples the input tests read, and a catalogue for them. The third-party samples
 * (NIST, rpm2swidtag, strongswan, RIM-Tool, CycloneDX) are not in the repository: they are read
 * from {@code ../shared/fixtures/iso19770/} beside it (resolved from the module directory's
 * parent's parent), and a test that needs one is skipped, saying so, where that directory is
 * absent. The samples written for this project ({@code authored/}) are test resources.
 */
public final class Iso19770Fixtures {
  /** Where the shared samples are: {@code <repository>/../shared/fixtures/iso19770}. */
  public static final Path SHARED =
      Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/fixtures/iso19770");

  private static final String AUTHORED = "authored/";
  private static final String RESOURCES = "/io/itam/io/fixtures/iso19770/";

  public static final String NIST = "swid2015/nist-swidval-authoritative.swidtag";
  public static final String MINIMAL = "swid2015/rpm2swidtag-minimal.swidtag";
  public static final String DISTRO = "swid2015/rpm2swidtag-distro-primary.swidtag";
  public static final String DISTRO_SUPPLEMENTAL =
      "swid2015/rpm2swidtag-distro-supplemental.swidtag";
  public static final String EVIDENCE = "swid2015/rpm2swidtag-pkg1-evidence.swidtag";
  public static final String STRONGSWAN = "swid2015/strongswan-docker-deb.swidtag";
  public static final String PRIMARY = "authored/swid2015-primary-licensed-product.swidtag";
  public static final String SUPPLEMENTAL = "authored/swid2015-supplemental-entitlement.swidtag";
  public static final String SWID_2009 = "authored/swid2009-licensed-product.swidtag";
  public static final String COSWID = "authored/coswid-primary-licensor.coswid";
  public static final String COSWID_UNTAGGED = "coswid/rimtool-lvfs-untagged.coswid";
  public static final String BOM_JSON_16 = "cyclonedx/valid-license-licensing-1.6.json";
  public static final String BOM_XML_16 = "cyclonedx/valid-license-licensing-1.6.xml";
  public static final String BOM_JSON_17 =
      "cyclonedx/valid-license-expression-with-licensing-1.7.json";

  /** Every tag sample. */
  public static final List<String> TAGS =
      List.of(
          NIST,
          MINIMAL,
          DISTRO,
          DISTRO_SUPPLEMENTAL,
          EVIDENCE,
          STRONGSWAN,
          PRIMARY,
          SUPPLEMENTAL,
          SWID_2009,
          COSWID,
          COSWID_UNTAGGED);

  /** Every BOM sample. */
  public static final List<String> BOMS = List.of(BOM_JSON_16, BOM_XML_16, BOM_JSON_17);

  private Iso19770Fixtures() {}

  /**
   * Skips the calling test, saying why, when the shared samples are absent (a clone without {@code
   * ../shared}).
   */
  public static void assumeShared() {
    boolean present = Files.isDirectory(SHARED);
    if (!present) {
      System.err.println(
          "skipped: the third-party ISO/IEC 19770 samples are read from "
              + SHARED
              + ", which is absent");
    }
    assumeTrue(
        present,
        "skipped: the third-party ISO/IEC 19770 samples are read from "
            + SHARED
            + ", which is absent (they are kept outside the repository)");
  }

  /** The bytes of sample {@code name} ({@code swid2015/…}, {@code authored/…}). */
  public static byte[] bytes(String name) {
    if (!name.startsWith(AUTHORED)) {
      assumeShared();
      try {
        return Files.readAllBytes(SHARED.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (InputStream in = Iso19770Fixtures.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("no authored sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** Copies sample {@code name} to {@code directory/relative}; returns the file. */
  public static Path copy(String name, Path directory, String relative) throws IOException {
    Path file = directory.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes(name));
    return file;
  }

  /** A catalogue naming the software of the fixtures. */
  public static List<Product> catalogue() {
    return List.of(
        Product.builder("exampledb")
            .publisher("Example Software")
            .name("Example Database Server")
            .editions("Standard", "Enterprise")
            .version("11", LocalDate.parse("2021-03-01"))
            .version("12", LocalDate.parse("2023-03-01"))
            .build(),
        Product.builder("example-os")
            .publisher("Example A Organization")
            .name("Example OS")
            .version("3")
            .build(),
        Product.builder("swidval")
            .publisher("National Institute of Standards and Technology")
            .name("swidval")
            .build(),
        Product.builder("pkg1").publisher("Example A Organization").name("pkg1").build());
  }
}
