package io.itam.io.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionReaderTest {
  private static final PositionReader STRICT = PositionReader.create();

  private static List<String> problems(PositionReader reader, String json) {
    ValidationException e = assertThrows(ValidationException.class, () -> reader.read(json));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static String doc(String rows) {
    return "{\"format\": 1, \"asOf\": \"2026-11-27\", \"currency\": \"EUR\", \"compliant\": true,"
        + " \"summary\": {\"shortfallCost\": \"0.00\", \"surplusValue\": \"0.00\"}"
        + rows
        + "}";
  }

  @Test
  void read_rowsThatDoNotAddUp_areReportedAtTheRow() {
    assertEquals(
        List.of(
            "accounting[0]: usage: counted 1 + exempt 1 + rejected 1 must equal total 5",
            "licenses[0]: consumed 3 + surplus 1 must equal entitled 5",
            "products[1]: covered 3 + shortfall 1 must equal required 5",
            "products[2].remedy: a remedy buys at least one pack",
            "shortfalls[0]: a shortfall is at least one unit"),
        problems(
            STRICT,
            doc(
                ", \"licenses\": [{\"licenseModel\": \"m\", \"metric\": \"core\", \"entitled\": 5,"
                    + " \"consumed\": 3, \"surplus\": 1, \"surplusValue\": \"0\"}], \"products\":"
                    + " [{\"product\": \"ok\", \"required\": 1, \"covered\": 1, \"shortfall\": 0},"
                    + " {\"product\": \"p\", \"required\": 5, \"covered\": 3, \"shortfall\": 1},"
                    + " {\"product\": \"q\", \"required\": 5, \"covered\": 3, \"shortfall\": 2,"
                    + " \"remedy\": {\"licenseModel\": \"m\", \"packs\": 0, \"units\": 0}}],"
                    + " \"shortfalls\": [{\"consumer\": \"c\", \"product\": \"p\", \"units\": 0,"
                    + " \"reason\": \"r\"}], \"accounting\": [{\"record\": \"usage\", \"total\": 5,"
                    + " \"counted\": 1, \"exempt\": 1, \"rejected\": 1}]")));
  }

  @Test
  void read_wrongValues_areAllReported() {
    assertEquals(
        List.of(
            "allocations[0].units: must be a whole number, was 1.5",
            "asOf: required",
            "compliant: must be true or false, was a string",
            "currency: not an ISO 4217 currency code: \"EURO\"",
            "format: unsupported format 2; this version reads format 1",
            "licenses[0].metric: unknown metric \"seat\" (expected one of: installation, device,"
                + " user, concurrent-user, processor, core, pvu, capacity, site)",
            "notes[0].gap: must be an amount such as \"3586.00\", was \"1e3\"",
            "summary.colour: unknown field \"colour\"",
            "summary.shortfallCost: must be a string such as \"3586.00\", was a number",
            "summary.surplusValue: required"),
        problems(
            STRICT,
            "{\"format\": 2, \"currency\": \"EURO\", \"compliant\": \"no\", \"summary\":"
                + " {\"shortfallCost\": 0, \"colour\": 1}, \"licenses\": [{\"licenseModel\":"
                + " \"m\", \"metric\": \"seat\", \"entitled\": 0, \"consumed\": 0, \"surplus\":"
                + " 0, \"surplusValue\": \"0\"}], \"allocations\": [{\"consumer\": \"c\","
                + " \"product\": \"p\", \"entitlement\": \"e\", \"units\": 1.5, \"licenseModel\":"
                + " \"m\", \"reason\": \"r\"}], \"notes\": [{\"pool\": \"p\", \"method\": \"m\","
                + " \"objective\": \"1\", \"bound\": \"0\", \"gap\": \"1e3\"}]}"));
  }

  @Test
  void allowUnknownFields_ignoresThem() {
    String json = doc(", \"extra\": {\"a\": [1]}");
    assertEquals(List.of("extra: unknown field \"extra\""), problems(STRICT, json));
    assertEquals(PositionReader.create().allowUnknownFields(true).read(json), STRICT.read(doc("")));
  }

  @Test
  void read_malformed_isReportedWithLineAndColumn() {
    assertEquals(
        List.of("summary: malformed JSON at line 2, column 25: unexpected end of input"),
        problems(STRICT, "{\"format\": 1,\n \"summary\": {\"exempt\": 1"));
  }
}
