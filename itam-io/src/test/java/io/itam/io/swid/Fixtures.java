package io.itam.io.swid;

import io.itam.model.catalog.Product;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The ISO/IEC 19770 fixtures (copied from shared/fixtures/iso19770) and a catalogue for them. */
final class Fixtures {
  static final String ROOT = "/io/itam/io/fixtures/iso19770/";

  static final String NIST = "swid2015/nist-swidval-authoritative.swidtag";
  static final String MINIMAL = "swid2015/rpm2swidtag-minimal.swidtag";
  static final String DISTRO = "swid2015/rpm2swidtag-distro-primary.swidtag";
  static final String DISTRO_SUPPLEMENTAL = "swid2015/rpm2swidtag-distro-supplemental.swidtag";
  static final String EVIDENCE = "swid2015/rpm2swidtag-pkg1-evidence.swidtag";
  static final String STRONGSWAN = "swid2015/strongswan-docker-deb.swidtag";
  static final String PRIMARY = "authored/swid2015-primary-licensed-product.swidtag";
  static final String SUPPLEMENTAL = "authored/swid2015-supplemental-entitlement.swidtag";
  static final String SWID_2009 = "authored/swid2009-licensed-product.swidtag";
  static final String COSWID = "authored/coswid-primary-licensor.coswid";
  static final String COSWID_UNTAGGED = "coswid/rimtool-lvfs-untagged.coswid";

  /** Every tag fixture. */
  static final List<String> TAGS =
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

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** Copies fixture {@code name} to {@code directory/relative}; returns the file. */
  static Path copy(String name, Path directory, String relative) throws IOException {
    Path file = directory.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes(name));
    return file;
  }

  /** A catalogue naming the software of the fixtures. */
  static List<Product> catalogue() {
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
