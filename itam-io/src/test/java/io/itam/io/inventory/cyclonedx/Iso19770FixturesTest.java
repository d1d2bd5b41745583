package io.itam.io.inventory.cyclonedx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.io.inventory.Iso19770Fixtures;
import io.itam.io.inventory.ProductMapping;
import io.itam.io.inventory.swid.CoswidTags;
import io.itam.io.inventory.swid.SwidInventory;
import io.itam.io.inventory.swid.SwidTag;
import io.itam.io.inventory.swid.SwidTags;
import io.itam.model.Estate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of the ISO/IEC 19770 sample corpus ({@code ../shared/fixtures/iso19770}, outside the
 * repository; skipped where it is absent) is read by an adapter, and a file no adapter reads fails
 * the test.
 */
class Iso19770FixturesTest {

  private static Path root() {
    Iso19770Fixtures.assumeShared();
    return Iso19770Fixtures.SHARED;
  }

  @Test
  void everyFixture_isRead() throws IOException {
    Path root = root();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertEquals(16, files.size(), "15 fixtures and the README: " + files);
    Estate empty = Estate.builder(LocalDate.parse("2026-11-27")).build();
    List<String> read = new ArrayList<>();
    for (Path file : files) {
      String name = root.relativize(file).toString().replace('\\', '/');
      if (name.endsWith(".swidtag")) {
        SwidTag tag = SwidTags.parse(file, "pc-1");
        assertTrue(!tag.tagId().isEmpty() && !tag.name().isEmpty(), name);
      } else if (name.endsWith(".coswid")) {
        SwidTag tag = CoswidTags.parse(file, "pc-1");
        assertTrue(!tag.tagId().isEmpty() && !tag.name().isEmpty(), name);
      } else if (name.startsWith("cyclonedx/")) {
        CycloneDxEntitlements bom = CycloneDxLicensing.readEntitlements(file, empty);
        assertEquals(List.of(), bom.entitlements(), name);
        assertEquals(1, bom.skipped().size(), name);
        assertTrue(bom.skipped().get(0).licensing().contains("purchase order PO-12345"), name);
      } else if (name.endsWith(".diag.txt")) {
        // CBOR diagnostic notation of the authored CoSWID tag: it must describe that tag.
        String diag = Files.readString(file);
        String coswid = file.getFileName().toString().replace(".diag.txt", ".coswid");
        SwidTag tag = CoswidTags.parse(file.resolveSibling(coswid), null);
        assertTrue(
            diag.contains("\"" + tag.name() + "\"") && diag.contains("\"" + tag.version() + "\""),
            name);
      } else if (name.equals("README.md")) {
        assertTrue(Files.readString(file).contains("| licence of origin |"), "attribution kept");
      } else {
        throw new AssertionError("no adapter reads fixture " + name);
      }
      read.add(name);
    }
    assertEquals(files.size(), read.size());
  }

  @Test
  void everyTagFixture_inOneDeviceDirectory_isAccountedFor() throws IOException {
    Path root = root();
    SwidInventory found = SwidTags.read(root, ProductMapping.automatic(List.of()));
    // Files in the corpus's subdirectories count as "devices" named authored, coswid, swid2015.
    int sources = 0;
    for (var installation : found.installations()) {
      sources += installation.sources().size();
    }
    for (var unmapped : found.unmapped()) {
      sources += unmapped.sources().size();
    }
    assertEquals(11, sources, found.toString());
    assertEquals(List.of(), found.installations(), "an empty catalogue maps nothing");
  }
}
