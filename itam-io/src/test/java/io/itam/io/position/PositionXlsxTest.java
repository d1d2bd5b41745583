package io.itam.io.position;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.position.Position;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** The workbook of the sample report, read back with fastexcel's reader. */
class PositionXlsxTest {
  private static final byte[] SAMPLE = PositionXlsx.create().writeBytes(Samples.report());

  private static List<Row> rows(String sheet) throws IOException {
    try (ReadableWorkbook book =
        new ReadableWorkbook(new ByteArrayInputStream(SAMPLE), new ReadingOptions(true, false))) {
      Sheet found = book.findSheet(sheet).orElseThrow(() -> new AssertionError("no " + sheet));
      return found.read();
    }
  }

  /** The XML of entry {@code name} of the workbook's archive. */
  private static String entry(String name) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(SAMPLE))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) {
          return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no entry " + name);
  }

  @Test
  void sheets_onePerViewAndPerBreakdown() throws IOException {
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(SAMPLE))) {
      assertEquals(
          List.of(
              "summary",
              "licences",
              "products",
              "publishers",
              "units",
              "expiring",
              "changes",
              "shortfalls",
              "allocations",
              "exempt",
              "rejected",
              "notes",
              "accounting"),
          book.getSheets().map(Sheet::getName).toList());
    }
  }

  @Test
  void products_haveNamesPublishersAndTypedCells() throws IOException {
    List<Row> rows = rows("products");
    Position position = Samples.position();
    assertEquals(position.products().size() + 1, rows.size(), "a header and a row each");
    Row header = rows.get(0);
    assertEquals("Product", header.getCellText(0));
    assertEquals("Name", header.getCellText(1));
    assertEquals("Publisher", header.getCellText(2));
    assertEquals("Shortfall cost", header.getCellText(7));
    Row autoframe = rows.get(4);
    assertEquals("autoframe", autoframe.getCellText(0));
    assertEquals("AutoFrame CAD", autoframe.getCellText(1));
    assertEquals("Frameworks Inc.", autoframe.getCellText(2));
    Cell required = autoframe.getCell(4);
    assertEquals(CellType.NUMBER, required.getType());
    assertEquals(0, required.asNumber().compareTo(BigDecimal.valueOf(7)));
    Cell cost = autoframe.getCell(7);
    assertEquals(CellType.NUMBER, cost.getType());
    assertEquals(0, cost.asNumber().compareTo(new BigDecimal("10800")));
    assertEquals("#,##0.00 [$EUR]", cost.getDataFormatString(), "money in the currency");
  }

  @Test
  void summaryAndExpiries_haveDatesAndAmounts() throws IOException {
    List<Row> summary = rows("summary");
    assertEquals("As of", summary.get(2).getCellText(0));
    assertEquals(LocalDateTime.parse("2026-11-27T00:00"), summary.get(2).getCell(1).asDate());
    assertEquals("Shortfall cost", summary.get(5).getCellText(0));
    assertEquals(0, summary.get(5).getCell(1).asNumber().compareTo(new BigDecimal("19969")));
    List<Row> expiring = rows("expiring");
    assertEquals(7, expiring.size(), "a header and six entitlements");
    assertEquals(LocalDateTime.parse("2026-12-31T00:00"), expiring.get(1).getCell(0).asDate());
    assertEquals(0, expiring.get(1).getCell(1).asNumber().compareTo(BigDecimal.valueOf(34)));
  }

  @Test
  void everySheet_hasAFrozenBoldHeaderFiltersAndWidths() throws IOException {
    for (int sheet = 2; sheet <= 13; sheet++) {
      String xml = entry("xl/worksheets/sheet" + sheet + ".xml");
      assertTrue(xml.contains("state=\"frozen\""), "frozen header of sheet " + sheet);
      assertTrue(xml.contains("<autoFilter ref=\"A1:"), "filters of sheet " + sheet);
      assertTrue(xml.contains("<col min=\"1\" max=\"1\" width=\""), "widths of sheet " + sheet);
    }
    assertTrue(
        entry("xl/styles.xml").contains("b=\"true\"") || entry("xl/styles.xml").contains("<b/>"));
  }

  @Test
  void everyPart_isWellFormedXml() throws Exception {
    javax.xml.parsers.DocumentBuilderFactory factory =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(SAMPLE))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        String name = e.getName();
        byte[] xml = zip.readAllBytes();
        try {
          builder.parse(new ByteArrayInputStream(xml));
        } catch (org.xml.sax.SAXException bad) {
          throw new AssertionError(name + " is not well-formed XML: " + bad.getMessage(), bad);
        }
      }
    }
  }

  @Test
  void bytes_areTheSameEveryTime_datedThePositionsDate() throws IOException {
    assertArrayEquals(SAMPLE, PositionXlsx.create().writeBytes(Samples.report()));
    assertTrue(entry("docProps/core.xml").contains(">2026-11-27T00:00:00Z</dcterms:created>"));
  }

  @Test
  void bytes_areTheSameInEveryTimeZone_entriesDatedThePositionsDay() throws IOException {
    TimeZone zone = TimeZone.getDefault();
    try {
      for (String id : List.of("UTC", "Pacific/Kiritimati", "America/Los_Angeles")) {
        TimeZone.setDefault(TimeZone.getTimeZone(id));
        assertArrayEquals(SAMPLE, PositionXlsx.create().writeBytes(Samples.report()), id);
      }
    } finally {
      TimeZone.setDefault(zone);
    }
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(SAMPLE))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        assertEquals(LocalDateTime.parse("2026-11-27T00:00"), e.getTimeLocal(), e.getName());
      }
    }
  }

  @Test
  void rows_everyAllocationIsThere() throws IOException {
    List<Row> allocations = rows("allocations");
    assertEquals(Samples.position().allocations().size() + 1, allocations.size());
    assertEquals("Consumer", allocations.get(0).getCellText(0));
    assertEquals(
        Samples.position().allocations().get(0).consumer(), allocations.get(1).getCellText(0));
  }
}
