package io.itam.io.estate;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.itam.io.internal.JsonFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The invalid estate documents of the corpus that are too large to store: megabytes of string,
 * nesting 10 000 deep, chains and cycles of 10 000 records, 10 000 problems. Each with the problems
 * it must give, exactly; see {@link InvalidEstateCorpusTest}.
 */
final class GeneratedInvalidDocuments {
  private static final String HEAD = "{\"format\": 1, \"asOf\": \"2026-11-27\", ";

  private GeneratedInvalidDocuments() {}

  /**
   * One generated document.
   *
   * @param name what it is
   * @param bytes the document
   * @param expected its problems, {@code path: message}, in order
   */
  record Case(String name, byte[] bytes, List<String> expected) {
    @Override
    public String toString() {
      return name + " (" + bytes.length + " bytes)";
    }
  }

  private static Case of(String name, String json, String... expected) {
    return new Case(name, json.getBytes(UTF_8), List.of(expected));
  }

  static Stream<Case> all() {
    return Stream.of(
        fiveMegabyteString(),
        fiveMegabyteFieldName(),
        stringOfExactlyTheParserLimit(),
        referenceOfAMegabyte(),
        arraysNestedTenThousandDeep(),
        objectsNestedTenThousandDeep(),
        tenThousandUnclosedArrays(),
        fiveMegabytesOfWhiteSpace(),
        organisationChainOfTenThousandUnits(),
        organisationCycleOfTenThousandUnits(),
        suiteChainOfTenThousandProducts(),
        tenThousandProblems());
  }

  static Case fiveMegabyteString() {
    return of(
        "a 5 MB string",
        HEAD + "\"organization\": [{\"id\": \"" + "x".repeat(5_000_000) + "\"}]}",
        "organization[0].id: malformed JSON at line 1, column 1111270: a string longer than"
            + " 1048576 characters");
  }

  static Case fiveMegabyteFieldName() {
    return of(
        "a 5 MB field name",
        HEAD + "\"organization\": [{\"" + "x".repeat(5_000_000) + "\": 1}]}",
        "organization[0]: malformed JSON at line 1, column 131133: a field name longer than 65536"
            + " characters");
  }

  /** The parser takes a string of exactly its limit; the validator then finds the id too long. */
  static Case stringOfExactlyTheParserLimit() {
    return of(
        "an id of 1 MiB, the parser's limit",
        HEAD
            + "\"organization\": [{\"id\": \""
            + "x".repeat(JsonFormat.MAX_STRING_LENGTH)
            + "\"}]}",
        "organization[0].id: longer than 256 characters");
  }

  /** A reference of a megabyte is shown cut in the message. */
  static Case referenceOfAMegabyte() {
    return of(
        "a reference of 1 MB",
        HEAD
            + "\"devices\": [{\"id\": \"pc-1\", \"kind\": \"desktop\", \"unit\": \""
            + "u".repeat(1_000_000)
            + "\"}]}",
        "devices[0].unit: unknown organisation unit \"" + "u".repeat(61) + "…\"");
  }

  static Case arraysNestedTenThousandDeep() {
    return of(
        "arrays nested 10 000 deep",
        HEAD + "\"devices\": [" + "[".repeat(10_000) + "]".repeat(10_000) + "]}",
        "devices[0]: malformed JSON at line 1, column 112: nested deeper than 64 levels",
        "devices[0]: must be an object, was an array");
  }

  static Case objectsNestedTenThousandDeep() {
    return of(
        "objects nested 10 000 deep",
        HEAD + "\"x\": " + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}",
        "x: malformed JSON at line 1, column 358: nested deeper than 64 levels",
        "x: unknown field \"x\"");
  }

  static Case tenThousandUnclosedArrays() {
    return of(
        "10 000 arrays never closed",
        HEAD + "\"devices\": [" + "[".repeat(10_000),
        "devices[0]: malformed JSON at line 1, column 112: nested deeper than 64 levels",
        "devices[0]: must be an object, was an array");
  }

  static Case fiveMegabytesOfWhiteSpace() {
    return of(
        "5 MB of white space around an empty object",
        " \n\t".repeat(1_700_000) + "{}" + " ".repeat(100),
        "asOf: required",
        "format: required");
  }

  /** Reported once, where the chain first goes deeper than the limit. */
  static Case organisationChainOfTenThousandUnits() {
    StringBuilder json = new StringBuilder(HEAD).append("\"organization\": [{\"id\": \"u0\"}");
    for (int i = 1; i < 10_000; i++) {
      json.append(", {\"id\": \"u").append(i).append("\", \"parent\": \"u").append(i - 1);
      json.append("\"}");
    }
    return of(
        "an organisation chain of 10 000 units",
        json.append("]}").toString(),
        "organization[64].parent: organisation deeper than 64 levels");
  }

  /** Reported once, as a cycle, not as 10 000 units too deep. */
  static Case organisationCycleOfTenThousandUnits() {
    StringBuilder json = new StringBuilder(HEAD).append("\"organization\": [");
    for (int i = 0; i < 10_000; i++) {
      json.append(i == 0 ? "" : ", ").append("{\"id\": \"u").append(i);
      json.append("\", \"parent\": \"u").append((i + 1) % 10_000).append("\"}");
    }
    return of(
        "an organisation cycle of 10 000 units",
        json.append("]}").toString(),
        "organization[0].parent: cycle in the organisation: u0 → u1 → u2 → u3 → … → u9999 → u0"
            + " (10000 in the cycle)");
  }

  /** Suites nested 10 000 deep: one problem, at the outermost suite, and no stack overflow. */
  static Case suiteChainOfTenThousandProducts() {
    StringBuilder json = new StringBuilder(HEAD).append("\"products\": [");
    for (int i = 0; i < 10_000; i++) {
      json.append("{\"id\": \"s").append(i).append("\", \"components\": [\"s").append(i + 1);
      json.append("\"]}, ");
    }
    return of(
        "suites nested 10 000 deep",
        json.append("{\"id\": \"s10000\"}]}").toString(),
        "products[0].components: suites nested deeper than 16 levels");
  }

  static Case tenThousandProblems() {
    StringBuilder json = new StringBuilder(HEAD).append("\"products\": [{\"id\": \"p\"}], ");
    json.append("\"installations\": [");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      json.append(i == 0 ? "" : ", ").append("{\"device\": \"pc-").append(i);
      json.append("\", \"product\": \"p\"}");
      expected.add("installations[" + i + "].device: unknown device \"pc-" + i + "\"");
    }
    return new Case(
        "10 000 problems", json.append("]}").toString().getBytes(UTF_8), List.copyOf(expected));
  }
}
