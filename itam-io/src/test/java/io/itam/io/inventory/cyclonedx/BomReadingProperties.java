package io.itam.io.inventory.cyclonedx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import io.itam.io.inventory.Iso19770Fixtures;
import io.itam.io.inventory.ProductMapping;
import io.itam.model.Estate;
import io.itam.model.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Whatever a BOM holds, reading its entitlements gives a result or one {@link ValidationException}:
 * never another exception, never a hang. Inputs are the CycloneDX fixtures, with {@code itam:}
 * properties added, corrupted at random.
 *
 * <p>Seeded ({@code 20261127} by default): pass {@code -DQT_SEED=<n>} to explore other cases or to
 * replay the seed a failure reports.
 */
class BomReadingProperties {
  private static final List<String> FIXTURES =
      List.of(
          "valid-license-licensing-1.6.json",
          "valid-license-licensing-1.6.xml",
          "valid-license-expression-with-licensing-1.7.json");
  private static final String[] SNIPPETS = {
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    "<",
    ">",
    "</",
    "null",
    "1e999",
    "&x;",
    "\"properties\": [{\"name\": \"itam:quantity\", \"value\": \"7\"}],",
    "<properties><property name=\"itam:quantity\">x</property></properties>"
  };

  private static byte[] fixture(String name) {
    return Iso19770Fixtures.bytes("cyclonedx/" + name);
  }

  private static long between(RandomnessSource in, long low, long high) {
    return in.next(Constraint.between(low, high));
  }

  private static Gen<byte[]> corrupted() {
    return in -> {
      byte[] bytes = fixture(FIXTURES.get((int) between(in, 0, FIXTURES.size() - 1)));
      for (long n = between(in, 1, 3); n > 0; n--) {
        int at = (int) between(in, 0, bytes.length);
        int end = (int) Math.min(bytes.length, at + between(in, 0, 30));
        switch ((int) between(in, 0, 3)) {
          case 0 -> bytes = Arrays.copyOf(bytes, at);
          case 1 -> {
            if (at < bytes.length) {
              bytes[at] = (byte) between(in, 0, 255);
            }
          }
          case 2 -> {
            byte[] head = Arrays.copyOf(bytes, at);
            byte[] tail = Arrays.copyOfRange(bytes, end, bytes.length);
            byte[] joined = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, joined, head.length, tail.length);
            bytes = joined;
          }
          default -> {
            byte[] snippet =
                SNIPPETS[(int) between(in, 0, SNIPPETS.length - 1)].getBytes(
                    StandardCharsets.UTF_8);
            byte[] joined = new byte[bytes.length + snippet.length];
            System.arraycopy(bytes, 0, joined, 0, at);
            System.arraycopy(snippet, 0, joined, at, snippet.length);
            System.arraycopy(bytes, at, joined, at + snippet.length, bytes.length - at);
            bytes = joined;
          }
        }
      }
      return bytes;
    };
  }

  @Test
  void readEntitlements_ofAnyCorruption_isAResultOrOneValidationException() {
    Iso19770Fixtures.assumeShared();
    Estate catalogue = Estate.builder(LocalDate.parse("2026-11-27")).currency("EUR").build();
    ProductMapping mapping = ProductMapping.automatic(List.of());
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(1000)
        .forAll(corrupted())
        .checkAssert(
            bytes ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> {
                      try {
                        CycloneDxLicensing.readEntitlements(bytes, "bom", catalogue, mapping);
                      } catch (ValidationException e) {
                        assertFalse(e.problems().isEmpty());
                        e.problems().forEach(p -> assertFalse(p.message().isBlank(), p.toString()));
                      }
                    }));
  }
}
