package io.itam.io.position;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.io.position.PositionCsv.View;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.position.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionCsvTest {
  private static final PositionCsv CSV = PositionCsv.create();

  @TempDir Path dir;

  private static Map<View, String> views(Position position) {
    Map<View, String> views = new EnumMap<>(View.class);
    for (View view : View.values()) {
      views.put(view, CSV.writeString(position, view));
    }
    return views;
  }

  @Test
  void write_sample_readsBackTheSamePosition() throws IOException {
    Position sample = Samples.position();
    CSV.write(sample, dir);
    assertEquals(sample, CSV.read(dir));
  }

  @Test
  void write_everyView_writesOneFileEach() throws IOException {
    CSV.write(Positions.hostile(), dir.resolve("new/sub"));
    try (Stream<Path> files = Files.list(dir.resolve("new/sub"))) {
      assertEquals(
          List.of(
              "accounting.csv",
              "allocations.csv",
              "exempt.csv",
              "licences.csv",
              "notes.csv",
              "products.csv",
              "rejected.csv",
              "shortfalls.csv",
              "summary.csv"),
          files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
  }

  @Test
  void write_twice_replacesTheFilesAndLeavesOthersAlone() throws IOException {
    Files.writeString(dir.resolve("products.csv"), "stale");
    Files.writeString(dir.resolve("README.txt"), "mine");
    CSV.write(Positions.hostile(), dir);
    byte[] first = Files.readAllBytes(dir.resolve("products.csv"));
    CSV.write(Positions.hostile(), dir);
    assertArrayEquals(first, Files.readAllBytes(dir.resolve("products.csv")));
    assertEquals("mine", Files.readString(dir.resolve("README.txt")));
    assertEquals(Positions.hostile(), CSV.read(dir));
  }

  @Test
  void write_hostileValues_quotesThemAndReadsThemBack() throws IOException {
    Position hostile = Positions.hostile();
    assertEquals(hostile, CSV.read(views(hostile)));
    CSV.write(hostile, dir);
    assertEquals(hostile, CSV.read(dir));
    String licences = CSV.writeString(hostile, View.LICENCES);
    assertEquals(
        "licenseModel,entitlements,metric,entitled,consumed,surplus,surplusValue,unlimited\n"
            + "\"<script>alert(\"\"x\"\")</script>\","
            + "\"PO\\;1;PO\\\\2;a,b \"\"c\"\"\nd\r\ne\\;f\\\\g\","
            + "device,250,195,55,23100.00,false\n"
            + "site-av,PO-3,site,10,10,0,0.00,true\n",
        licences);
  }

  @Test
  void write_products_flattensTheRemedyAndLeavesAbsentFieldsEmpty() {
    assertEquals(
        String.join(
            "\n",
            "product,licenseModel,required,covered,shortfall,shortfallCost,"
                + "remedy.licenseModel,remedy.packs,remedy.units,remedy.cost",
            "\"<script>alert(\"\"x\"\")</script>\",sql-ent-core,36,32,4,14344.00,sql-ent-core,2,4,"
                + "14344.00",
            "project,project-user,5,0,5,,project-user,5,5,",
            "visio,,1,0,1,,,,,",
            ""),
        CSV.writeString(Positions.hostile(), View.PRODUCTS));
  }

  @Test
  void write_amounts_useTheCurrencyDigits() {
    assertEquals(
        "format,asOf,currency,compliant,shortfallCost,surplusValue,licenses,products,allocations,"
            + "shortfalls,unpricedShortfalls,exempt,rejected\n"
            + "1,2026-11-27,JPY,true,0,12000,1,1,2,0,0,0,0\n",
        CSV.writeString(Positions.compliantYen(), View.SUMMARY));
    assertEquals(
        "format,asOf,currency,compliant,shortfallCost,surplusValue,licenses,products,allocations,"
            + "shortfalls,unpricedShortfalls,exempt,rejected\n"
            + "1,2026-11-27,,true,0.00,0.00,0,0,0,0,0,0,0\n",
        CSV.writeString(Positions.empty(), View.SUMMARY));
    assertEquals(
        "pool,method,objective,bound,gap\n"
            + "\"office, sql\",greedy after 2000 nodes,14344.00,7172.50,7171.50\n",
        CSV.writeString(Positions.hostile(), View.NOTES));
  }

  @Test
  void write_emptyViews_haveTheirHeader() throws IOException {
    CSV.write(Positions.empty(), dir);
    assertEquals(
        "consumer,product,units,licenseModel,reason\n",
        Files.readString(dir.resolve("shortfalls.csv"), UTF_8));
    assertEquals(Positions.empty(), CSV.read(dir));
  }

  @Test
  void write_isDeterministic() {
    for (View view : View.values()) {
      assertEquals(
          CSV.writeString(Positions.hostile(), view), CSV.writeString(Positions.hostile(), view));
    }
  }

  @Test
  void read_crlfByteOrderMarkAndReorderedColumns_areAccepted() {
    Map<View, String> views = views(Positions.compliantYen());
    views.put(
        View.ALLOCATIONS,
        "\uFEFFreason,units,consumer,product,entitlement,licenseModel\r\n"
            + "user: primary user,1,u-1,acrobat,PO-1/1,acrobat-user\r\n"
            + "user: primary user,1,u-2,acrobat,PO-1/1,acrobat-user\r\n");
    assertEquals(Positions.compliantYen(), CSV.read(views));
  }

  @Test
  void read_missingDirectoryFiles_areEachAProblem() throws IOException {
    CSV.write(Positions.compliantYen(), dir);
    Files.delete(dir.resolve("notes.csv"));
    Files.delete(dir.resolve("summary.csv"));
    ValidationException e = assertThrows(ValidationException.class, () -> CSV.read(dir));
    assertEquals(
        List.of("notes.csv", "summary.csv"),
        e.problems().stream().map(Problem::path).collect(Collectors.toList()));
  }

  @Test
  void read_badFields_reportsEveryProblemAtItsPath() {
    Map<View, String> views = views(Positions.compliantYen());
    views.put(
        View.LICENCES,
        "licenseModel,entitlements,metric,entitled,consumed,surplus,surplusValue,unlimited\n"
            + "m,PO-1,seats,x,2,3,12000,maybe\n"
            + "n,PO\\,user,5,2,3,-1.5.0,false\n"
            + "o,PO-1,user,5,2,2,0,false\n"
            + "p,PO-1,user\n");
    views.put(View.SUMMARY, views.get(View.SUMMARY) + "1,2026-11-27,JPY,true,0,0,0,0,0,0,0,0,0\n");
    views.put(View.SHORTFALLS, "consumer,product,units,model,reason\n");
    views.put(View.EXEMPT, "consumer,product,reason,records\n\"pc-1,office,\"lab\",1\n");
    views.put(View.NOTES, "");
    ValidationException e = assertThrows(ValidationException.class, () -> CSV.read(views));
    assertEquals(
        List.of(
            "exempt.csv: line 2: malformed CSV: unexpected character 'l': Expected column"
                + " separator character ',' or end-of-line",
            "licences.csv[0].entitled: must be a whole number such as 12, was \"x\"",
            "licences.csv[0].metric: unknown metric \"seats\"",
            "licences.csv[0].unlimited: must be true or false, was \"maybe\"",
            "licences.csv[1].entitlements: ends in an unfinished \\ escape",
            "licences.csv[1].surplusValue: must be an amount such as 3586.00, was \"-1.5.0\"",
            "licences.csv[2]: consumed 2 + surplus 2 must equal entitled 5",
            "licences.csv[3]: line 5: 3 fields, the header has 8",
            "notes.csv: empty: the header row is missing",
            "shortfalls.csv: missing column \"licenseModel\"",
            "shortfalls.csv: unknown column \"model\"",
            "summary.csv: must have exactly one row, has 2"),
        e.problems().stream().map(Problem::toString).collect(Collectors.toList()));
  }

  @Test
  void read_notUtf8_isAProblem() throws IOException {
    CSV.write(Positions.compliantYen(), dir);
    Files.write(dir.resolve("rejected.csv"), new byte[] {'r', (byte) 0xC3, 0x28, '\n'});
    ValidationException e = assertThrows(ValidationException.class, () -> CSV.read(dir));
    assertEquals("rejected.csv: not UTF-8 text", e.problems().get(0).toString());
  }

  @Test
  void read_unclosedQuote_isAProblem() {
    Map<View, String> views = views(Positions.compliantYen());
    views.put(View.REJECTED, "record,consumer,product,reason\ninstallation,pc,visio,\"late\n");
    ValidationException e = assertThrows(ValidationException.class, () -> CSV.read(views));
    assertEquals(
        "rejected.csv: line 3: malformed CSV: missing closing quote for value",
        e.problems().get(0).toString());
  }

  @Test
  void ids_joinAndSplit_roundTrip() {
    for (List<String> ids :
        List.of(
            List.<String>of(),
            List.of("PO-1"),
            List.of("a;b", "c\\d", "e"),
            List.of(";", "\\", "\\;"))) {
      assertEquals(ids, PositionCsv.splitIds(PositionCsv.joinIds(ids)));
    }
    assertFalse(PositionCsv.joinIds(List.of("a", "b")).contains(" "));
    assertTrue(PositionCsv.splitIds("a\\") == null);
  }
}
