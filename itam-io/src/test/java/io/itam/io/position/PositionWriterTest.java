package io.itam.io.position;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.itam.model.position.Accounting;
import io.itam.model.position.Allocation;
import io.itam.model.position.Exempt;
import io.itam.model.position.LicensePosition;
import io.itam.model.position.Position;
import io.itam.model.position.ProductPosition;
import io.itam.model.position.Rejected;
import io.itam.model.position.Remedy;
import io.itam.model.position.Shortfall;
import io.itam.model.position.SolverNote;
import io.itam.model.position.Summary;
import io.itam.model.terms.MetricType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionWriterTest {
  private static final PositionWriter WRITER = PositionWriter.create();
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

  /** The position of the estate-format.md example, cut down, with a note and a rejection. */
  static Position example() {
    return new Position(
        1,
        AS_OF,
        "EUR",
        false,
        new Summary(new BigDecimal("14344"), new BigDecimal("23100.0"), 2, 1, 1, 1, 0, 1, 1),
        List.of(
            new LicensePosition(
                "office-pro-device",
                List.of("PO-1002/1"),
                MetricType.DEVICE,
                250,
                195,
                55,
                new BigDecimal("23100"),
                false),
            new LicensePosition(
                "site-av", List.of(), MetricType.SITE, 10, 10, 0, BigDecimal.ZERO, true)),
        List.of(
            new ProductPosition(
                "sqlserver",
                "sql-ent-core",
                36,
                32,
                4,
                new BigDecimal("14344.00"),
                new Remedy("sql-ent-core", 2, 4, new BigDecimal("14344.000")))),
        List.of(
            new Allocation(
                "vm-sql-01",
                "sqlserver",
                "sql-ent-core",
                "PO-1001/1",
                8,
                "pinned allocation; per-vm: 8 vCPUs, minimum 4; edition downgrade"
                    + " Enterprise→Standard; version downgrade 2022→2019")),
        List.of(
            new Shortfall(
                "esx-02",
                "sqlserver",
                4,
                "sql-ent-core",
                "core: 2 × 16 cores = 32, 28 covered\n\"quoted\"")),
        List.of(new Exempt("pc-0001", "office-pro", "test lab, covered by MSDN", 1)),
        List.of(new Rejected("installation", "pc-0002", "visio", "installed after the as-of date")),
        List.of(
            new SolverNote(
                "sql-ent-core",
                "greedy after 10000 nodes",
                new BigDecimal("14344"),
                new BigDecimal("7172.5"),
                new BigDecimal("7171.505"))),
        List.of(new Accounting("installations", 12, 10, 1, 1)));
  }

  /** No currency (amounts get 2 digits), empty lists, no notes, no optional fields. */
  static Position minimal() {
    return new Position(
        1,
        AS_OF,
        null,
        true,
        new Summary(BigDecimal.ZERO, new BigDecimal("12.345"), 0, 1, 0, 0, 0, 0, 0),
        List.of(),
        List.of(new ProductPosition("notepad", null, 3, 3, 0, null, null)),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static String golden(String name) {
    try (InputStream in = PositionWriterTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void writeString_example_isTheGoldenText() {
    assertEquals(golden("position-golden.json"), WRITER.writeString(example()));
  }

  @Test
  void writeString_minimal_isTheGoldenText() {
    assertEquals(golden("position-minimal-golden.json"), WRITER.writeString(minimal()));
  }

  @Test
  void write_givesUtf8BytesWithUnixLineEndings() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WRITER.write(example(), out);
    assertArrayEquals(golden("position-golden.json").getBytes(UTF_8), out.toByteArray());
  }

  @Test
  void write_path_writesTheSameBytes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("position.json");
    WRITER.write(example(), file);
    assertArrayEquals(golden("position-golden.json").getBytes(UTF_8), Files.readAllBytes(file));
  }

  @Test
  void read_golden_givesThePositionBack() {
    Position read = PositionReader.create().read(golden("position-golden.json"));
    assertEquals(WRITER.writeString(example()), WRITER.writeString(read));
    assertEquals(new BigDecimal("14344"), read.summary().shortfallCost());
    Position minimal = PositionReader.create().read(golden("position-minimal-golden.json"));
    assertEquals(WRITER.writeString(minimal()), WRITER.writeString(minimal));
    // Amounts are normalised values: "0.00" in the document reads back as 0.
    assertEquals(BigDecimal.ZERO, minimal.summary().shortfallCost());
    assertEquals(minimal(), minimal);
  }
}
