package io.itam.io.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.itam.io.internal.JsonFormat;
import io.itam.model.Estate;
import io.itam.model.Limits;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import io.itam.model.terms.FactorTableRef;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits of the JSON reader ({@link JsonFormat}) and the limits of {@link Limits} as they show
 * in a document: each at the limit (read) and one past it (exactly the expected problem).
 */
class ReaderLimitsTest {
  private static final String HEAD =
      "{\"format\": 1, \"asOf\": \"2026-11-27\", \"currency\": \"EUR\"";
  private static final EstateReader LENIENT = EstateReader.create().allowUnknownFields(true);

  private static String doc(String fields) {
    return HEAD + ", " + fields + "}";
  }

  private static List<String> problems(EstateReader reader, String json) {
    ValidationException e = assertThrows(ValidationException.class, () -> reader.read(json));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static List<String> problems(String json) {
    return problems(EstateReader.create(), json);
  }

  // ---- the parser's limits -------------------------------------------------------------------

  /** The root object is level 1; the unknown field {@code x} holds {@code levels - 1} arrays. */
  private static String nested(int levels) {
    int arrays = levels - 1;
    return doc("\"x\": " + "[".repeat(arrays) + "]".repeat(arrays));
  }

  @Test
  void nesting_atTheLimit_isRead() {
    LENIENT.read(nested(JsonFormat.MAX_NESTING_DEPTH));
  }

  @Test
  void nesting_pastTheLimit_isMalformed() {
    assertEquals(
        List.of("x: malformed JSON at line 1, column 125: nested deeper than 64 levels"),
        problems(LENIENT, nested(JsonFormat.MAX_NESTING_DEPTH + 1)));
  }

  /** A string value that is read (an id, here): the limit is exact. */
  private static String unit(int length) {
    return doc("\"organization\": [{\"id\": \"" + "s".repeat(length) + "\"}]");
  }

  @Test
  void string_atTheLimit_isRead() {
    assertEquals(
        List.of("organization[0].id: longer than 256 characters"),
        problems(unit(JsonFormat.MAX_STRING_LENGTH)));
  }

  @Test
  void string_pastTheLimit_isMalformed() {
    assertEquals(
        List.of(
            "organization[0].id: malformed JSON at line 1, column 1048659: a string longer than"
                + " 1048576 characters"),
        problems(unit(JsonFormat.MAX_STRING_LENGTH + 1)));
  }

  /** The value of an unknown field is skipped, never held: its length does not matter. */
  @Test
  void string_ofAnIgnoredField_isSkippedWhateverItsLength() {
    LENIENT.read(doc("\"x\": \"" + "s".repeat(3 * JsonFormat.MAX_STRING_LENGTH) + "\""));
  }

  @Test
  void number_atTheLimit_isRead() {
    LENIENT.read(doc("\"x\": " + "9".repeat(JsonFormat.MAX_NUMBER_LENGTH)));
    LENIENT.read(doc("\"x\": 0." + "9".repeat(JsonFormat.MAX_NUMBER_LENGTH - 2)));
  }

  @Test
  void number_pastTheLimit_isMalformed() {
    assertEquals(
        List.of("x: malformed JSON at line 1, column 126: a number longer than 64 characters"),
        problems(LENIENT, doc("\"x\": " + "9".repeat(JsonFormat.MAX_NUMBER_LENGTH + 1))));
  }

  @Test
  void fieldName_atTheLimit_isRead() {
    LENIENT.read(doc("\"" + "n".repeat(JsonFormat.MAX_NAME_LENGTH) + "\": 1"));
  }

  @Test
  void fieldName_pastTheLimit_isMalformed() {
    List<String> problems =
        problems(LENIENT, doc("\"" + "n".repeat(JsonFormat.MAX_NAME_LENGTH + 1) + "\": 1"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("malformed JSON at line 1, column ")
            && problems.get(0).endsWith(": a field name longer than 65536 characters"),
        problems.get(0));
  }

  /** A field name of the limit is shown cut in the path of its problem. */
  @Test
  void fieldName_long_isShownCutInItsPath() {
    assertEquals(
        List.of(
            "a\\nb: unknown field \"a\\nb\"",
            "n".repeat(61) + "…: unknown field \"" + "n".repeat(61) + "…\""),
        problems(doc("\"" + "n".repeat(JsonFormat.MAX_NAME_LENGTH) + "\": 1, \"a\\nb\": 2")));
  }

  private static String factor(String text) {
    return doc(
        "\"products\": [{\"id\": \"p\"}], \"licenseModels\": [{\"id\": \"m\", \"product\": \"p\","
            + " \"metric\": {\"type\": \"core\", \"coreFactors\": {\"default\": \""
            + text
            + "\"}}}]");
  }

  private static String price(String text) {
    return doc(
        "\"products\": [{\"id\": \"p\"}], \"licenseModels\": [{\"id\": \"m\", \"product\": \"p\","
            + " \"metric\": {\"type\": \"device\"}, \"unitPrice\": \""
            + text
            + "\"}]");
  }

  @Test
  void decimalText_atTheLimit_isRead() {
    String sixtyFour = "1." + "0".repeat(JsonFormat.MAX_DECIMAL_TEXT - 2);
    Estate estate = EstateReader.create().read(factor(sixtyFour));
    FactorTableRef ref = estate.licenseModels().get(0).metric().coreFactors();
    assertEquals(
        0, BigDecimal.ONE.compareTo(((FactorTableRef.Inline) ref).table().defaultFactor()));
    EstateReader.create().read(price(sixtyFour));
  }

  @Test
  void decimalText_pastTheLimit_isOneProblem() {
    String sixtyFive = "1." + "0".repeat(JsonFormat.MAX_DECIMAL_TEXT - 1);
    assertEquals(
        List.of(
            "licenseModels[0].metric.coreFactors.default: must be a decimal such as \"0.5\", was"
                + " \"1.00000000000000000000000000000000000000000000000000000000000…\""),
        problems(factor(sixtyFive)));
    assertEquals(
        List.of(
            "licenseModels[0].unitPrice: must be an amount such as \"3586.00\" or \"3586.00 EUR\","
                + " was \"1.00000000000000000000000000000000000000000000000000000000000…\""),
        problems(price(sixtyFive)));
  }

  // ---- Limits in a document ------------------------------------------------------------------

  private static String quantity(String value) {
    return doc(
        "\"products\": [{\"id\": \"p\"}], \"licenseModels\": [{\"id\": \"m\", \"product\": \"p\","
            + " \"metric\": {\"type\": \"device\"}}], \"entitlements\": [{\"id\": \"E\","
            + " \"licenseModel\": \"m\", \"quantity\": "
            + value
            + "}]");
  }

  @Test
  void quantity_atTheLimit_isRead() {
    assertEquals(
        Limits.MAX_QUANTITY,
        EstateReader.create()
            .read(quantity(String.valueOf(Limits.MAX_QUANTITY)))
            .entitlements()
            .get(0)
            .quantity());
  }

  @Test
  void quantity_pastTheLimitAndPastALong_isOneProblem() {
    assertEquals(
        List.of(
            "entitlements[0].quantity: larger than the limit of 1000000000000, was 1000000000001"),
        problems(quantity("1000000000001")));
    assertEquals(
        List.of(
            "entitlements[0].quantity: larger than the limit of 1000000000000, was"
                + " 9223372036854775807"),
        problems(quantity("9223372036854775807")));
    assertEquals(
        List.of("entitlements[0].quantity: out of range, was 9223372036854775808"),
        problems(quantity("9223372036854775808")));
    assertEquals(
        List.of("entitlements[0].quantity: must not be negative, was -9223372036854775808"),
        problems(quantity("-9223372036854775808")));
    assertEquals(
        List.of("entitlements[0].quantity: out of range, was -9223372036854775809"),
        problems(quantity("-9223372036854775809")));
  }

  @Test
  void id_atAndPastTheLimit() {
    String at = "i".repeat(Limits.MAX_ID_LENGTH);
    EstateReader.create().read(doc("\"users\": [{\"id\": \"" + at + "\"}]"));
    assertEquals(
        List.of("users[0].id: longer than 256 characters"),
        problems(doc("\"users\": [{\"id\": \"" + at + "i\"}]")));
  }

  @Test
  void serverCores_atAndPastTheLimit() {
    EstateReader.create()
        .read(
            doc(
                "\"devices\": [{\"id\": \"s\", \"kind\": \"server\", \"processors\": 1000000,"
                    + " \"coresPerProcessor\": 1000000}]"));
    assertEquals(
        List.of(
            "devices[0].coresPerProcessor: 1000000000000 processors × 1000000000000 cores is more"
                + " cores than the limit of 1000000000000"),
        problems(
            doc(
                "\"devices\": [{\"id\": \"s\", \"kind\": \"server\", \"processors\": 1000000000000,"
                    + " \"coresPerProcessor\": 1000000000000}]")));
  }
}
