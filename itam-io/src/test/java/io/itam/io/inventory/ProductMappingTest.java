package io.itam.io.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.catalog.Product;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductMappingTest {
  private static final List<Product> CATALOGUE = Iso19770Fixtures.catalogue();

  private static SoftwareIdentity identity(
      String name, String version, String edition, String publisher, String regid) {
    return new SoftwareIdentity(null, name, version, null, edition, null, publisher, regid);
  }

  private static List<String> problems(String json) {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> ProductMapping.parse(json, "m.json", CATALOGUE));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void automatic_byNameAndPublisher_ignoringCaseSpacingAndLegalForm() {
    ProductMatch match =
        ProductMapping.automatic(CATALOGUE)
            .map(
                identity(
                    "example  database-server",
                    "12",
                    "enterprise",
                    "EXAMPLE SOFTWARE, Inc.",
                    null));
    assertEquals(
        ProductMatch.mapped(
            "exampledb",
            "Enterprise",
            "12",
            "by name and publisher; edition enterprise as Enterprise"),
        match);
  }

  @Test
  void automatic_publisherByRegid() {
    ProductMapping mapping = ProductMapping.automatic(CATALOGUE);
    for (String regid :
        List.of(
            "example-software.com",
            "https://www.examplesoftware.com/",
            "regid.2001-04.com.examplesoftware,db")) {
      SoftwareIdentity id = identity("Example Database Server", null, null, "Someone Else", regid);
      assertEquals(ProductMatch.Status.MAPPED, mapping.map(id).status(), regid);
    }
    assertEquals(
        "examplesoftware", ProductMapping.regidLabel("regid.2001-04.com.examplesoftware,db"));
    assertEquals("example", ProductMapping.regidLabel("example.com"));
    assertEquals("nist", ProductMapping.regidLabel("http://nist.gov"));
    assertNull(ProductMapping.regidLabel("localhost"));
  }

  @Test
  void automatic_wrongPublisher_staysUnmapped() {
    ProductMatch match =
        ProductMapping.automatic(CATALOGUE)
            .map(identity("Example Database Server", "12", null, "Pirate Soft", "pirate.example"));
    assertEquals(ProductMatch.Status.UNMAPPED, match.status());
    assertEquals(
        "no catalogue product is named \"Example Database Server\" from \"Pirate Soft\""
            + " (pirate.example); add a rule to the mapping file",
        match.explanation());
  }

  @Test
  void automatic_ambiguous_staysUnmapped() {
    List<Product> twins =
        List.of(Product.of("a", "Acme", "Road Runner"), Product.of("b", "ACME Inc", "road-runner"));
    ProductMatch match =
        ProductMapping.automatic(twins).map(identity("Road Runner", null, null, "Acme", null));
    assertEquals(
        "ambiguous: products a, b match by name and publisher; add a rule to the mapping file",
        match.explanation());
  }

  @Test
  void versions_exactColloquialPrefixOrReported() {
    ProductMapping mapping = ProductMapping.automatic(CATALOGUE);
    String name = "Example Database Server";
    String publisher = "Example Software";
    assertEquals("11", mapping.map(identity(name, "11", null, publisher, null)).version());
    assertEquals("12", mapping.map(identity(name, "12-SP1", null, publisher, null)).version());
    assertEquals(
        "12",
        mapping
            .map(new SoftwareIdentity(null, name, "2023.3", "12", null, null, publisher, null))
            .version());
    ProductMatch unknown = mapping.map(identity(name, "13.0", null, publisher, null));
    assertEquals(
        "version \"13.0\" is not a version of product \"exampledb\" (versions: 11, 12); map it under"
            + " \"versions\" in the mapping file",
        unknown.explanation());
    ProductMatch edition = mapping.map(identity(name, "12", "Express", publisher, null));
    assertEquals(
        "edition \"Express\" is not an edition of product \"exampledb\" (editions: Standard,"
            + " Enterprise); map it under \"editions\" in the mapping file",
        edition.explanation());
    assertNull(
        mapping.map(identity(name, null, null, publisher, null)).version(), "unknown version");
  }

  @Test
  void productWithoutVersions_getsNone() {
    ProductMatch match =
        ProductMapping.automatic(CATALOGUE)
            .map(
                identity(
                    "swidval",
                    "0.5.0.1",
                    null,
                    "National Institute of Standards and Technology",
                    "nist.gov"));
    assertEquals(ProductMatch.mapped("swidval", null, null, "by name and publisher"), match);
  }

  @Test
  void rules_firstMatchWins_editionRulesApply() {
    ProductMapping mapping =
        ProductMapping.parse(
            """
            {"products": [
               {"match": {"tagId": "old-*"}, "ignore": "retired"},
               {"match": {"name": "EXDB ?? *", "version": "1*"}, "product": "exampledb", "version": "11"},
               {"match": {"name": "EXDB*"}, "product": "exampledb"}],
             "editions": [{"product": "exampledb", "match": "ent*", "edition": "Enterprise"}]}
            """,
            "m.json",
            CATALOGUE);
    assertEquals(
        ProductMatch.ignored("ignored by m.json:products[0]: retired"),
        mapping.map(new SoftwareIdentity("old-1", "EXDB 12 X", "1", null, null, null, null, null)));
    assertEquals(
        ProductMatch.mapped(
            "exampledb",
            "Enterprise",
            "11",
            "by m.json:products[1]; edition Enterprise Edition as Enterprise"),
        mapping.map(identity("exdb 12 x", "17", "Enterprise Edition", null, null)));
    assertEquals(
        "by m.json:products[2]",
        mapping.map(identity("EXDB", "12", null, null, null)).explanation());
  }

  @Test
  void parse_reportsEveryProblemWithItsPath() {
    assertEquals(
        List.of(
            "m.json:editions[0].edition: edition \"Gold\" is not an edition of product \"exampledb\" (editions: Standard, Enterprise)",
            "m.json:extra: unknown field (expected products, versions, editions)",
            "m.json:products[0]: needs \"product\" (a catalogue product id) or \"ignore\" (why the tag is left out)",
            "m.json:products[0].match: must name at least one of tagId, name, publisher, regid, version, edition",
            "m.json:products[0].match.colour: unknown field",
            "m.json:products[1].match: required",
            "m.json:products[1].product: unknown product \"nope\" (not in the catalogue)",
            "m.json:products[2]: has both \"product\" and \"ignore\"; give one",
            "m.json:products[3].version: version \"99\" is not a version of product \"exampledb\" (versions: 11, 12)",
            "m.json:products[4].version: product \"swidval\" declares no versions",
            "m.json:versions[0].match: required",
            "m.json:versions[1].product: must be a non-empty string"),
        problems(
            """
            {"extra": 1,
             "products": [
               {"match": {"colour": "red"}},
               {"product": "nope"},
               {"match": {"name": "x"}, "product": "exampledb", "ignore": "no"},
               {"match": {"name": "x"}, "product": "exampledb", "version": "99"},
               {"match": {"name": "x"}, "product": "swidval", "version": "1"}],
             "versions": [{"product": "exampledb", "version": "12"}, {"product": 5, "match": "x", "version": "1"}],
             "editions": [{"product": "exampledb", "match": "x", "edition": "Gold"}]}
            """));
  }

  @Test
  void parse_malformedJson_namesLineAndColumn() {
    List<String> problems = problems("{\"products\": [\n  {\"match\": }\n]}");
    assertEquals(1, problems.size());
    assertTrue(
        problems.get(0).startsWith("m.json: malformed JSON at line 2, column 13: "),
        problems.get(0));
    assertTrue(problems("{\"products\": [], \"products\": []}").get(0).contains("duplicate field"));
    assertEquals(List.of("m.json: empty: expected a JSON object"), problems(""));
    assertTrue(problems("[]").get(0).contains("must be a JSON object"));
  }
}
