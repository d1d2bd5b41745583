package io.itam.io.inventory.swid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.itam.io.inventory.Iso19770Fixtures;
import io.itam.io.inventory.ProductMapping;
import io.itam.model.Problem;
import io.itam.model.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Whatever a tag file holds, reading it gives a tag or one {@link ValidationException}: never
 * another exception, never a hang. Inputs are the fixtures corrupted at random (truncated, bytes
 * overwritten, spans cut, doubled or swapped, snippets inserted) and plain random bytes.
 *
 * <p>Seeded ({@code 20261127} by default): pass {@code -DQT_SEED=<n>} to explore other cases or to
 * replay the seed a failure reports.
 */
class TagParsingProperties {
  private static final String[] SNIPPETS = {
    "<",
    ">",
    "</",
    "/>",
    "\"",
    "&",
    "&amp;",
    "&x;",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE r>",
    "xmlns=\"\"",
    "<Meta ",
    "<Link rel=\"supplemental\" href=\"swid:",
    "\u0000",
    "\uFFFF",
    "\uD800",
    "tagVersion=\"9\""
  };

  private static long between(RandomnessSource in, long low, long high) {
    return in.next(Constraint.between(low, high));
  }

  /** A fixture corrupted one to three times, or random bytes. */
  private static Gen<byte[]> inputs() {
    return in -> {
      if (between(in, 0, 9) == 0) {
        byte[] random = new byte[(int) between(in, 0, 300)];
        for (int i = 0; i < random.length; i++) {
          random[i] = (byte) between(in, 0, 255);
        }
        return random;
      }
      byte[] bytes =
          Iso19770Fixtures.bytes(
              Iso19770Fixtures.TAGS.get((int) between(in, 0, Iso19770Fixtures.TAGS.size() - 1)));
      for (long n = between(in, 1, 3); n > 0; n--) {
        bytes = corrupt(in, bytes);
      }
      return bytes;
    };
  }

  private static byte[] corrupt(RandomnessSource in, byte[] bytes) {
    int at = (int) between(in, 0, bytes.length);
    int end = (int) Math.min(bytes.length, at + between(in, 0, 40));
    switch ((int) between(in, 0, 5)) {
      case 0:
        return Arrays.copyOf(bytes, at);
      case 1:
        if (at < bytes.length) {
          bytes[at] = (byte) between(in, 0, 255);
        }
        return bytes;
      case 2:
        return concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, end, bytes.length));
      case 3:
        return concat(Arrays.copyOf(bytes, end), Arrays.copyOfRange(bytes, at, bytes.length));
      case 4:
        byte[] snippet =
            SNIPPETS[(int) between(in, 0, SNIPPETS.length - 1)].getBytes(StandardCharsets.UTF_8);
        return concat(
            concat(Arrays.copyOf(bytes, at), snippet),
            Arrays.copyOfRange(bytes, end, bytes.length));
      default:
        byte[] swapped = bytes.clone();
        int other = (int) between(in, 0, bytes.length);
        if (at < bytes.length && other < bytes.length) {
          swapped[at] = bytes[other];
          swapped[other] = bytes[at];
        }
        return swapped;
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static void check(ValidationException e) {
    assertFalse(e.problems().isEmpty());
    for (Problem problem : e.problems()) {
      assertTrue(problem.path().startsWith("x"), problem.toString());
      assertFalse(problem.message().isBlank(), problem.toString());
      assertTrue(problem.message().length() < 600, problem.toString());
    }
  }

  @Test
  void parse_ofAnyCorruption_isATagOrOneValidationException() {
    Iso19770Fixtures.assumeShared();
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(1500)
        .forAll(inputs())
        .checkAssert(
            bytes ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> {
                      try {
                        SwidTags.parse(new ByteArrayInputStream(bytes), "x.swidtag", null);
                      } catch (ValidationException e) {
                        check(e);
                      } catch (IOException e) {
                        throw new AssertionError("no I/O can fail here", e);
                      }
                      try {
                        CoswidTags.parse(bytes, "x.coswid", null);
                      } catch (ValidationException e) {
                        check(e);
                      }
                    }));
  }

  @Test
  void inventory_ofWhateverParses_neverThrows() {
    Iso19770Fixtures.assumeShared();
    ProductMapping mapping = ProductMapping.automatic(Iso19770Fixtures.catalogue());
    qt().withFixedSeed(Long.getLong("QT_SEED", 20261127L))
        .withExamples(300)
        .forAll(inputs(), inputs())
        .checkAssert(
            (a, b) -> {
              List<SwidTag> tags = new ArrayList<>();
              for (byte[] bytes : List.of(a, b)) {
                try {
                  tags.add(SwidTags.parse(new ByteArrayInputStream(bytes), "x.swidtag", "pc-1"));
                } catch (ValidationException | IOException e) {
                  // not a tag
                }
                try {
                  tags.add(CoswidTags.parse(bytes, "x.coswid", "pc-1"));
                } catch (ValidationException e) {
                  // not a tag
                }
              }
              SwidInventory found = SwidTags.inventory(tags, mapping);
              int accounted = 0;
              for (SwidInstallation installation : found.installations()) {
                accounted += installation.sources().size();
              }
              for (UnmappedTag tag : found.unmapped()) {
                accounted += tag.sources().size();
              }
              assertEquals(tags.size(), accounted, found.toString());
            });
  }
}
