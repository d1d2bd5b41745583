package io.itam.io.inventory.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

  private static List<String> problems(String json) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> ColumnMapping.parse(json, "map.json"));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void defaults_areTheFieldNames() {
    ColumnMapping mapping = ColumnMapping.defaults();
    assertEquals("primaryUser", mapping.header(CsvTable.DEVICES, "primaryUser"));
    assertEquals(',', mapping.delimiter());
    assertEquals(StandardCharsets.UTF_8, mapping.charset());
    assertNull(mapping.dateFormat());
  }

  @Test
  void parse_everyField() {
    ColumnMapping mapping =
        ColumnMapping.parse(
            """
            {"delimiter": "\\\\t", "encoding": "ISO-8859-1", "dateFormat": "MM/dd/yyyy",
             "devices": {"columns": {"id": "Host", "attributes.ram": "RAM"},
                         "values": {"kind": {"Notebook": "laptop"}},
                         "defaults": {"kind": "desktop"}}}
            """,
            "map.json");
    assertEquals('\t', mapping.delimiter());
    assertEquals(Charset.forName("ISO-8859-1"), mapping.charset());
    assertEquals("MM/dd/yyyy", mapping.dateFormat());
    assertEquals(Map.of("attributes.ram", "RAM", "id", "Host"), mapping.columns(CsvTable.DEVICES));
    assertEquals("desktop", mapping.defaultValue(CsvTable.DEVICES, "kind"));
    assertEquals("laptop", mapping.translate(CsvTable.DEVICES, "kind", "NOTEBOOK"));
    assertEquals("Tablet", mapping.translate(CsvTable.DEVICES, "kind", "Tablet"));
  }

  @Test
  void parse_reportsEveryProblem() {
    assertEquals(
        List.of(
            "map.json:colour: unknown field",
            "map.json:dateFormat: not a date pattern such as \"dd.MM.yyyy\": date format"
                + " \"dd.MM.yyyy {\": Pattern includes reserved character: '{'",
            "map.json:delimiter: must be one character other than a quote or a line break, was"
                + " \";;\"",
            "map.json:devices.columns.hostname: unknown field of devices (fields: id, kind, unit,"
                + " processors, coresPerProcessor, threadsPerCore, maxProcessors, cpu, host, vcpus,"
                + " primaryUser, owner, role, failoverFor, attributes.NAME)",
            "map.json:devices.values.kind: must be an object of values, e.g. {\"Workstation\":"
                + " \"desktop\"}",
            "map.json:encoding: unknown character encoding \"klingon\"",
            "map.json:users: must be an object with columns, values, defaults",
            "map.json:users2: unknown field"),
        problems(
            """
            {"colour": 1, "delimiter": ";;", "encoding": "klingon", "dateFormat": "dd.MM.yyyy {",
             "devices": {"columns": {"hostname": "Host"}, "values": {"kind": "laptop"}},
             "users": [], "users2": {}}
            """));
    assertTrue(problems("{\"devices\": ").get(0).startsWith("map.json: malformed JSON at line 1"));
  }

  @Test
  void withColumn_fromAFlag() {
    ColumnMapping mapping =
        ColumnMapping.defaults()
            .withColumn("devices.id=Hostname")
            .withColumn("devices.attributes.ram-gb=RAM (GB)");
    assertEquals("Hostname", mapping.header(CsvTable.DEVICES, "id"));
    assertEquals("RAM (GB)", mapping.header(CsvTable.DEVICES, "attributes.ram-gb"));
    assertEquals(
        "column mapping \"devices.id\": expected table.field=Header, e.g. devices.id=Hostname",
        assertThrows(
                IllegalArgumentException.class,
                () -> ColumnMapping.defaults().withColumn("devices.id"))
            .getMessage());
    assertEquals(
        "column mapping \"device.id=Host\": unknown table \"device\" (tables: devices, users,"
            + " installations, entitlements)",
        assertThrows(
                IllegalArgumentException.class,
                () -> ColumnMapping.defaults().withColumn("device.id=Host"))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ColumnMapping.defaults().withColumn("users.login=Login"))
            .getMessage()
            .startsWith("unknown field \"login\" of users (fields: id, unit, active)"));
  }

  @Test
  void dateFormat_strictWithTheYearOfEra() {
    ColumnMapping mapping = ColumnMapping.defaults().withDateFormat("dd.MM.yyyy");
    assertEquals(
        java.time.LocalDate.parse("2024-02-29"),
        TableReader.parseDate("29.02.2024", mapping.dates()));
    assertNull(TableReader.parseDate("30.02.2024", mapping.dates()));
    assertEquals(
        java.time.LocalDate.parse("2024-02-01"),
        TableReader.parseDate("2024-02-01 23:59:59", null));
  }
}
