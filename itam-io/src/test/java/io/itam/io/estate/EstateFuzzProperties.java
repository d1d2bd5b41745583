package io.itam.io.estate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.itam.compliance.Reconciler;
import io.itam.model.Estate;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.position.Position;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Fuzzing the reader and the engine: a valid estate document mutated at random must either read and
 * reconcile into a position, or be rejected with one {@link ValidationException} whose problems are
 * one line each; any other throwable, or a hang, fails and prints the document.
 *
 * <p>The valid documents are the complete example of estate-format.md, a small estate with servers,
 * VMs, a cluster, core, PVU, processor, named-user and concurrent-use models ({@link #HARDWARE}),
 * and random estates of {@link EstateGenerator} written by the {@link EstateWriter}. Each is
 * mutated one to four times: characters and tokens deleted, duplicated or swapped; values replaced
 * by other JSON types; numbers made negative, huge (the limits and past them, {@code long}'s range
 * and past it), fractional or exponents; field names misspelt or swapped for other ones; string
 * values swapped for other strings of the document (references, ids, dates); dates moved to odd
 * ones; unicode, escapes and bytes that are not UTF-8 inserted; the document truncated.
 *
 * <p>By default the property checks {@value #DEFAULT_TRIES} documents with a fixed seed (about 15
 * seconds). For a long run, pass the number of documents and, to explore other cases, a seed (about
 * 4 ms a document):
 *
 * <pre>
 * mvn -o test -pl itam-io -Dtest=EstateFuzzProperties -Ditam.fuzz.tries=200000 -DQT_SEED=7
 * </pre>
 *
 * A failure prints the seed to replay and the shrunk document. {@code -Ditam.fuzz.tries} also sets
 * the number of corruptions the CLI test {@code InvalidInputCliTest} runs.
 */
class EstateFuzzProperties {
  private static final int DEFAULT_TRIES = 2000;
  private static final int TRIES = Integer.getInteger("itam.fuzz.tries", DEFAULT_TRIES);
  private static final long SEED = Long.getLong("QT_SEED", 20261127L);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /**
   * A small valid estate whose every licence model is in use: core with the Oracle table and a
   * cluster, PVU per VM, processor pairs, named users with a per-processor minimum, concurrent use,
   * capacity, a site licence; with a pin, an exemption, versions, editions and a suite.
   */
  static final String HARDWARE =
      """
      {
        "format": 1,
        "asOf": "2026-11-27",
        "currency": "EUR",
        "organization": [{"id": "acme"}, {"id": "acme-de", "parent": "acme"},
                         {"id": "acme-us", "parent": "acme"}],
        "products": [
          {"id": "db", "publisher": "Oracle", "name": "Database", "editions": ["SE2", "EE"],
           "versions": [{"name": "19c", "released": "2019-02-13"},
                        {"name": "23ai", "released": "2024-05-02"}]},
          {"id": "mq", "publisher": "IBM", "name": "MQ"},
          {"id": "rhel", "publisher": "Red Hat", "name": "RHEL"},
          {"id": "cad", "publisher": "Acme", "name": "CAD"},
          {"id": "store", "publisher": "Acme", "name": "Storage"},
          {"id": "wiki", "publisher": "Acme", "name": "Wiki"},
          {"id": "office", "publisher": "Acme", "name": "Office", "components": ["word", "excel"]},
          {"id": "word", "publisher": "Acme", "name": "Word"},
          {"id": "excel", "publisher": "Acme", "name": "Excel"}],
        "licenseModels": [
          {"id": "db-ee-proc", "product": "db", "edition": "EE", "version": "23ai",
           "metric": {"type": "core", "coreFactors": "oracle", "minimumPerProcessor": 2},
           "virtualization": {"mode": "cluster"},
           "rights": {"versionDowngrade": true, "editionDowngrade": true,
                      "upgradeWithMaintenance": true, "failover": true}},
          {"id": "db-nup", "product": "db", "edition": "SE2",
           "metric": {"type": "user", "userMinimumPerProcessor": 25, "coreFactors": "oracle"},
           "virtualization": {"mode": "physical"}},
          {"id": "mq-pvu", "product": "mq",
           "metric": {"type": "pvu", "pvuTable": "ibm"},
           "virtualization": {"mode": "per-vm", "capAtHost": true}},
          {"id": "rhel-pair", "product": "rhel",
           "metric": {"type": "processor", "processorsPerUnit": 2},
           "virtualization": {"mode": "host-per-vm-set", "vmsPerSet": 2}},
          {"id": "cad-float", "product": "cad",
           "metric": {"type": "concurrent-user", "windowDays": 30, "packSize": 5}},
          {"id": "store-tb", "product": "store",
           "metric": {"type": "capacity", "capacityAttribute": "tb"}},
          {"id": "wiki-site", "product": "wiki", "metric": {"type": "site"}},
          {"id": "office-device", "product": "office", "metric": {"type": "device"},
           "rights": {"secondUse": true}, "unitPrice": "420.00"}],
        "entitlements": [
          {"id": "E-db", "licenseModel": "db-ee-proc", "quantity": 8, "scope": "acme",
           "unitPrice": "47500.00", "validFrom": "2020-01-01", "maintenanceUntil": "2026-06-30"},
          {"id": "E-nup", "licenseModel": "db-nup", "quantity": 50, "unitPrice": "350.00 EUR"},
          {"id": "E-mq", "licenseModel": "mq-pvu", "quantity": 400, "scope": "acme-de",
           "validUntil": "2027-12-31"},
          {"id": "E-rhel", "licenseModel": "rhel-pair", "quantity": 2, "unitPrice": "799.00"},
          {"id": "E-cad", "licenseModel": "cad-float", "quantity": 5, "unitPrice": "5400.00",
           "validFrom": "2026-01-01", "validUntil": "2026-12-31"},
          {"id": "E-store", "licenseModel": "store-tb", "quantity": 100},
          {"id": "E-wiki", "licenseModel": "wiki-site", "quantity": 0, "reference": "contract 7"},
          {"id": "E-office", "licenseModel": "office-device", "quantity": 2, "scope": "acme-de"}],
        "clusters": [{"id": "vc", "hosts": ["esx-1", "esx-2"]}],
        "devices": [
          {"id": "esx-1", "kind": "server", "unit": "acme-de", "processors": 2,
           "coresPerProcessor": 16, "threadsPerCore": 2, "cpu": "Intel Xeon Gold 6338"},
          {"id": "esx-2", "kind": "server", "unit": "acme-de", "processors": 2, "maxProcessors": 4,
           "coresPerProcessor": 8, "cpu": "Intel Xeon Gold 6338"},
          {"id": "vm-db", "kind": "vm", "unit": "acme-de", "host": "esx-1", "vcpus": 8},
          {"id": "vm-mq", "kind": "vm", "unit": "acme-de", "host": "esx-2", "vcpus": 4},
          {"id": "db-1", "kind": "server", "unit": "acme-us", "processors": 1,
           "coresPerProcessor": 8, "cpu": "AMD EPYC 7313", "attributes": {"tb": 40.5}},
          {"id": "db-2", "kind": "server", "unit": "acme-us", "processors": 1,
           "coresPerProcessor": 8, "cpu": "AMD EPYC 7313", "role": "passive-failover",
           "failoverFor": "db-1"},
          {"id": "pc-1", "kind": "desktop", "unit": "acme-de", "primaryUser": "u-1"},
          {"id": "lt-1", "kind": "laptop", "unit": "acme-de", "primaryUser": "u-1",
           "owner": "organization"},
          {"id": "ec2-1", "kind": "cloud", "vcpus": 4, "cpu": "Intel Xeon Platinum 8375C"}],
        "users": [{"id": "u-1", "unit": "acme-de"}, {"id": "u-2", "unit": "acme-us"},
                  {"id": "u-3", "active": false}],
        "installations": [
          {"device": "vm-db", "product": "db", "version": "19c", "edition": "EE",
           "installed": "2024-02-01", "lastUsed": "2026-11-20"},
          {"device": "db-1", "product": "db", "version": "23ai", "edition": "SE2"},
          {"device": "db-2", "product": "db", "version": "23ai", "edition": "SE2"},
          {"device": "vm-mq", "product": "mq"},
          {"device": "esx-1", "product": "rhel"},
          {"device": "db-1", "product": "store"},
          {"device": "pc-1", "product": "office"},
          {"device": "lt-1", "product": "office", "installed": "2027-01-01"},
          {"device": "pc-1", "product": "cad"},
          {"device": "ec2-1", "product": "wiki"}],
        "access": [{"product": "db", "user": "u-1"}, {"product": "db", "user": "u-3"},
                   {"product": "wiki", "device": "pc-1"}],
        "usage": [{"product": "cad", "peakConcurrentUsers": 7, "from": "2026-11-01",
                   "until": "2026-11-30", "unit": "acme-de"},
                  {"product": "cad", "peakConcurrentUsers": 3, "from": "2025-01-01",
                   "until": "2025-01-31"}],
        "allocations": [{"entitlement": "E-db", "device": "vm-db"}],
        "exemptions": [{"user": "u-2", "product": "db", "reason": "test system"}]
      }
      """;

  private static final String COMPLETE_EXAMPLE = resource("estate-format-example-complete.json");

  // ---- mutations -----------------------------------------------------------------------------

  /** Replacements for a value: every JSON type. */
  private static final String[] VALUES = {
    "null",
    "true",
    "false",
    "0",
    "1",
    "\"\"",
    "\"x\"",
    "[]",
    "{}",
    "[1, \"a\"]",
    "{\"a\": 1}",
    "[{}]",
    "\"2026-11-27\"",
    "\"0.5\"",
    "\"420.00 EUR\""
  };

  /** Numbers at and past every limit and range. */
  private static final String[] NUMBERS = {
    "0",
    "-1",
    "-0",
    "1",
    "2",
    "3660",
    "3661",
    "1000000000000",
    "1000000000001",
    "2147483647",
    "2147483648",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "99999999999999999999",
    "1e3",
    "1E+308",
    "1e-400",
    "0.5",
    "2.0",
    "-0.000001",
    "0.0000001",
    "12345678901234567890.123456789"
  };

  /** Decimal and amount strings, including malformed ones. */
  private static final String[] DECIMALS = {
    "\"0\"",
    "\"-1\"",
    "\"0.000001\"",
    "\"0.0000001\"",
    "\"1000000000000\"",
    "\"1000000000000.000001\"",
    "\"1e3\"",
    "\"1e999999999999\"",
    "\"NaN\"",
    "\"1,5\"",
    "\"420.00 USD\"",
    "\"420.00 XXX\"",
    "\"420.00 EUR \"",
    "\" 420\""
  };

  private static final String[] DATES = {
    "\"2026-11-26\"",
    "\"2026-11-27\"",
    "\"2026-11-28\"",
    "\"0000-01-01\"",
    "\"-9999-01-01\"",
    "\"+999999999-12-31\"",
    "\"2026-02-29\"",
    "\"2024-02-29\"",
    "\"2026-13-01\"",
    "\"26-11-27\"",
    "\"2026-11-27T00:00\""
  };

  private static final String[] FIELD_NAMES = {
    "id",
    "parent",
    "unit",
    "host",
    "kind",
    "type",
    "mode",
    "metric",
    "quantity",
    "scope",
    "product",
    "licenseModel",
    "entitlement",
    "device",
    "user",
    "components",
    "hosts",
    "coreFactors",
    "pvuTable",
    "processors",
    "vcpus",
    "basedOn",
    "validUntil",
    "currency",
    "asOf",
    "format",
    "failoverFor",
    "primaryUser",
    "capacityAttribute",
    "windowDays",
    "rights"
  };

  /** Text spliced in anywhere: unicode, escapes, control characters, JSON syntax. */
  private static final String[] TEXT = {
    "é",
    "中",
    "😀",
    "\uFEFF",
    "\u2028",
    "\\u0000",
    "\\ud800",
    "\\udfff\\ud800",
    "\\\"",
    "\\",
    "\u0001",
    "\t",
    "\n",
    "\"",
    ",",
    ":",
    "{",
    "}",
    "[",
    "]",
    "//",
    "/*",
    "NaN",
    "Infinity",
    " "
  };

  /** Raw bytes that are not UTF-8 (or not text). */
  private static final byte[][] BYTES = {
    {(byte) 0xC3},
    {(byte) 0xFF},
    {(byte) 0x80},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {0},
    {(byte) 0xFE, (byte) 0xFF}
  };

  /** A valid document mutated one to four times, as bytes. */
  static Gen<byte[]> mutatedDocuments() {
    Gen<String> valid = EstateGenerator.estates().map(e -> EstateWriter.create().writeString(e));
    Gen<byte[]> mutated =
        in -> {
          Draw draw = new Draw(in);
          String document =
              switch ((int) draw.between(0, 3)) {
                case 0 -> COMPLETE_EXAMPLE;
                case 1, 2 -> HARDWARE;
                default -> valid.generate(in);
              };
          List<String> tokens = tokens(document);
          byte[] raw = null;
          for (int n = (int) draw.between(1, 4); n > 0; n--) {
            if (draw.between(0, 30) == 0) {
              raw = insertBytes(draw, String.join("", tokens).getBytes(UTF_8));
              break;
            }
            mutate(draw, tokens);
          }
          return raw != null ? raw : String.join("", tokens).getBytes(UTF_8);
        };
    return mutated.describedAs(bytes -> new String(bytes, UTF_8));
  }

  private static void mutate(Draw draw, List<String> tokens) {
    if (tokens.isEmpty()) {
      tokens.add(draw.pick(VALUES));
      return;
    }
    int at = (int) draw.between(0, tokens.size() - 1);
    String token = tokens.get(at);
    switch ((int) draw.between(0, 12)) {
      case 0 -> tokens.set(at, editCharacter(draw, token));
      case 1 -> tokens.remove(at);
      case 2 -> tokens.add(at, token);
      case 3 -> {
        int other = (int) draw.between(0, tokens.size() - 1);
        tokens.set(at, tokens.get(other));
        tokens.set(other, token);
      }
      case 4 -> replaceValue(draw, tokens, draw.pick(VALUES));
      case 5 -> replaceNumber(draw, tokens);
      case 6 -> replaceString(draw, tokens, draw.pick(DECIMALS));
      case 7 -> replaceString(draw, tokens, draw.pick(DATES));
      case 8 -> renameField(draw, tokens);
      case 9 -> swapStrings(draw, tokens);
      case 10 -> tokens.set(at, insertText(draw, token));
      case 11 -> tokens.subList(at, tokens.size()).clear();
      default -> replaceValue(draw, tokens, nested(draw));
    }
  }

  /** Deletes, duplicates or swaps a character of {@code token}. */
  private static String editCharacter(Draw draw, String token) {
    if (token.isEmpty()) {
      return token;
    }
    int i = (int) draw.between(0, token.length() - 1);
    return switch ((int) draw.between(0, 2)) {
      case 0 -> token.substring(0, i) + token.substring(i + 1);
      case 1 -> token.substring(0, i + 1) + token.substring(i);
      default ->
          i + 1 < token.length()
              ? token.substring(0, i)
                  + token.charAt(i + 1)
                  + token.charAt(i)
                  + token.substring(i + 2)
              : token;
    };
  }

  private static String insertText(Draw draw, String token) {
    int i = (int) draw.between(0, token.length());
    return token.substring(0, i) + draw.pick(TEXT) + token.substring(i);
  }

  private static byte[] insertBytes(Draw draw, byte[] bytes) {
    int at = (int) draw.between(0, bytes.length);
    byte[] insert = draw.pick(BYTES);
    byte[] result = Arrays.copyOf(bytes, bytes.length + insert.length);
    System.arraycopy(insert, 0, result, at, insert.length);
    System.arraycopy(bytes, at, result, at + insert.length, bytes.length - at);
    return result;
  }

  /** A value nested a few levels, or very deep. */
  private static String nested(Draw draw) {
    int depth = draw.chance() ? (int) draw.between(1, 5) : (int) draw.between(60, 70);
    return "[".repeat(depth) + "]".repeat(depth);
  }

  /** Replaces a value (a token after a colon, or an element of an array) by {@code value}. */
  private static void replaceValue(Draw draw, List<String> tokens, String value) {
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (isValue(tokens, i)) {
        values.add(i);
      }
    }
    if (!values.isEmpty()) {
      int at = draw.pick(values);
      int end = endOfValue(tokens, at);
      tokens.subList(at + 1, end).clear();
      tokens.set(at, value);
    }
  }

  private static void replaceNumber(Draw draw, List<String> tokens) {
    List<Integer> numbers = indexes(tokens, t -> t.matches("-?[0-9].*"));
    if (!numbers.isEmpty()) {
      int at = draw.pick(numbers);
      String number = tokens.get(at);
      tokens.set(
          at,
          switch ((int) draw.between(0, 3)) {
            case 0 -> number.startsWith("-") ? number.substring(1) : "-" + number;
            case 1 -> number + ".5";
            case 2 -> number + "000000000000";
            default -> draw.pick(NUMBERS);
          });
    }
  }

  private static void replaceString(Draw draw, List<String> tokens, String replacement) {
    List<Integer> strings = indexes(tokens, t -> t.startsWith("\""));
    if (!strings.isEmpty()) {
      tokens.set(draw.pick(strings), replacement);
    }
  }

  /** Gives a field another name: a near miss, another field's name, or nothing. */
  private static void renameField(Draw draw, List<String> tokens) {
    List<Integer> names = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).startsWith("\"") && ":".equals(next(tokens, i))) {
        names.add(i);
      }
    }
    if (!names.isEmpty()) {
      int at = draw.pick(names);
      String name = tokens.get(at);
      tokens.set(
          at,
          switch ((int) draw.between(0, 3)) {
            case 0 -> "\"" + draw.pick(FIELD_NAMES) + "\"";
            case 1 -> name.toUpperCase(java.util.Locale.ROOT);
            case 2 -> "\"\"";
            default -> editCharacter(draw, name);
          });
    }
  }

  /** Puts one string of the document in the place of another: references, ids, dates, kinds. */
  private static void swapStrings(Draw draw, List<String> tokens) {
    List<Integer> strings = indexes(tokens, t -> t.startsWith("\""));
    if (strings.size() > 1) {
      tokens.set(draw.pick(strings), tokens.get(draw.pick(strings)));
    }
  }

  private static List<Integer> indexes(
      List<String> tokens, java.util.function.Predicate<String> test) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (test.test(tokens.get(i))) {
        found.add(i);
      }
    }
    return found;
  }

  /** The next token that is not white space, or {@code null}. */
  private static String next(List<String> tokens, int i) {
    for (int j = i + 1; j < tokens.size(); j++) {
      if (!tokens.get(j).isBlank()) {
        return tokens.get(j);
      }
    }
    return null;
  }

  private static boolean isValue(List<String> tokens, int i) {
    String token = tokens.get(i);
    if (token.isBlank()
        || token.equals(",")
        || token.equals(":")
        || token.startsWith("}")
        || token.startsWith("]")) {
      return false;
    }
    return !":".equals(next(tokens, i));
  }

  /** The index after the value starting at {@code at} (its closing bracket included). */
  private static int endOfValue(List<String> tokens, int at) {
    String token = tokens.get(at);
    if (!token.equals("{") && !token.equals("[")) {
      return at + 1;
    }
    int depth = 0;
    for (int i = at; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals("{") || t.equals("[")) {
        depth++;
      } else if (t.equals("}") || t.equals("]")) {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    return tokens.size();
  }

  /** Splits JSON text into tokens: strings, numbers, words, punctuation and white space. */
  static List<String> tokens(String json) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < json.length()) {
      char c = json.charAt(i);
      int end = i + 1;
      if (c == '"') {
        while (end < json.length() && json.charAt(end) != '"') {
          end += json.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, json.length());
      } else if (Character.isWhitespace(c)) {
        while (end < json.length() && Character.isWhitespace(json.charAt(end))) {
          end++;
        }
      } else if (Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.') {
        while (end < json.length()
            && (Character.isLetterOrDigit(json.charAt(end))
                || "-+.".indexOf(json.charAt(end)) >= 0)) {
          end++;
        }
      }
      tokens.add(json.substring(i, end));
      i = end;
    }
    return tokens;
  }

  // ---- the properties ------------------------------------------------------------------------

  /** Reads and reconciles {@code bytes}: a position, or a validation exception; nothing else. */
  private static void readAndReconcile(byte[] bytes) {
    assertTimeoutPreemptively(
        TIMEOUT,
        () -> {
          Estate estate;
          try {
            estate = EstateReader.create().read(new ByteArrayInputStream(bytes));
          } catch (ValidationException e) {
            assertWellFormed(e);
            return;
          } catch (IOException e) {
            throw new AssertionError("no I/O can fail here", e);
          }
          Position position = Reconciler.create().reconcile(estate);
          assertNotNull(position);
          assertEquals(estate.asOf(), position.asOf());
        });
  }

  static void assertWellFormed(ValidationException e) {
    assertFalse(e.problems().isEmpty());
    for (Problem problem : e.problems()) {
      String line = problem.toString();
      assertFalse(problem.message().isBlank(), line);
      assertFalse(line.contains("\n") || line.contains("\r"), line);
      assertTrue(line.length() < 500, line);
    }
  }

  @Test
  void seeds_areValidAndReconcile() {
    for (String document : List.of(HARDWARE, COMPLETE_EXAMPLE)) {
      Estate estate = EstateReader.create().read(document);
      Position position = Reconciler.create().reconcile(estate);
      assertFalse(position.products().isEmpty());
    }
  }

  @Test
  void tokens_joinBackToTheDocument() {
    assertEquals(HARDWARE, String.join("", tokens(HARDWARE)));
    assertEquals(COMPLETE_EXAMPLE, String.join("", tokens(COMPLETE_EXAMPLE)));
  }

  @Test
  void readAndReconcile_ofAnyMutation_isAPositionOrAValidationException() {
    qt().withFixedSeed(SEED)
        .withExamples(TRIES)
        .forAll(mutatedDocuments())
        .checkAssert(EstateFuzzProperties::readAndReconcile);
  }

  private static String resource(String name) {
    try (InputStream in = EstateFuzzProperties.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
