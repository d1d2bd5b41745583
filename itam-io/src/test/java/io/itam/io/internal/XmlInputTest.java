package io.itam.io.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.itam.model.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * XML of the inputs is decoded by itam, so that bytes in the wrong encoding are a problem at their
 * line, reported by itam, and the JDK's parser prints nothing on standard error (it printed a
 * {@code [Fatal Error]} line for each such file).
 */
class XmlInputTest {
  /** Runs {@code body} with standard error captured; returns what was printed there. */
  private static String stderrOf(Runnable body) {
    PrintStream before = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, UTF_8));
    try {
      body.run();
    } finally {
      System.setErr(before);
    }
    return captured.toString(UTF_8);
  }

  private static XMLStreamReader open(byte[] bytes, List<Problem> problems) {
    try {
      return XmlInput.open(bytes, "tag.swidtag", problems);
    } catch (XMLStreamException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void bytesNotInTheEncoding_areAProblemAtTheirLine_andNothingIsPrinted() {
    byte[] bad = "<a>\n<b>\u00e9</b>\n</a>".getBytes(StandardCharsets.ISO_8859_1);
    List<Problem> problems = new ArrayList<>();
    String stderr = stderrOf(() -> assertNull(open(bad, problems)));
    assertEquals("", stderr);
    assertEquals(
        List.of("tag.swidtag:2: malformed XML: not UTF-8 text (the document's encoding)"),
        problems.stream().map(Problem::toString).toList());
  }

  @Test
  void theDeclaredEncoding_isUsed() throws XMLStreamException {
    byte[] latin =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\u00e9</a>"
            .getBytes(StandardCharsets.ISO_8859_1);
    List<Problem> problems = new ArrayList<>();
    XMLStreamReader reader = open(latin, problems);
    assertNotNull(reader);
    reader.nextTag();
    assertEquals("\u00e9", reader.getElementText());
    assertEquals(List.of(), problems);
  }

  @Test
  void aByteOrderMarkOfUtf16_isHonoured() throws XMLStreamException {
    byte[] utf16 = "\uFEFF<a>x</a>".getBytes(StandardCharsets.UTF_16BE);
    List<Problem> problems = new ArrayList<>();
    XMLStreamReader reader = open(utf16, problems);
    reader.nextTag();
    assertEquals("x", reader.getElementText());
  }

  @Test
  void anUnknownEncoding_isAProblem() {
    byte[] odd = "<?xml version=\"1.0\" encoding=\"no-such-set\"?><a/>".getBytes(UTF_8);
    List<Problem> problems = new ArrayList<>();
    assertNull(open(odd, problems));
    assertEquals(
        List.of("tag.swidtag:1: malformed XML: unknown encoding \"no-such-set\""),
        problems.stream().map(Problem::toString).toList());
  }

  @Test
  void malformedXml_isTheParsersMessageAtItsLineAndColumn() {
    List<Problem> problems = new ArrayList<>();
    String stderr =
        stderrOf(
            () -> {
              XMLStreamReader reader = open("<a>\n<b></a>".getBytes(UTF_8), problems);
              try {
                while (reader.hasNext()) {
                  reader.next();
                }
              } catch (XMLStreamException e) {
                problems.add(XmlInput.malformed(e, "tag.swidtag"));
              }
            });
    assertEquals("", stderr);
    assertEquals(1, problems.size());
    assertEquals("tag.swidtag:2:6", problems.get(0).path());
  }
}
