package io.itam.io.internal;

import io.itam.model.Problem;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * XML documents of the inputs (SWID tags, CycloneDX BOMs) opened safely and quietly: the JDK's own
 * StAX parser with DTDs and external entities off (nothing is ever fetched or expanded), over text
 * itam has decoded itself.
 *
 * <p>The decoding is ours because the JDK's parser, given bytes that are not in the document's
 * encoding, prints a {@code [Fatal Error]} line on standard error before it throws, whatever error
 * reporter it is given. Here the encoding is found as XML 1.0 (appendix F) says: a byte order mark,
 * else the {@code encoding} of the XML declaration, else UTF-8; bytes that are not in it are a
 * problem at their line and column, reported by itam like any other, and the parser only ever reads
 * characters.
 */
public final class XmlInput {
  private static final Pattern ENCODING =
      Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  private XmlInput() {}

  /** A parser factory of the JDK's own implementation, safe for untrusted input. */
  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /**
   * A parser over the document in {@code bytes}; {@code null}, with a problem at {@code source},
   * when its bytes are not text in its encoding.
   *
   * @throws XMLStreamException when the parser cannot start (malformed prolog)
   */
  public static @Nullable XMLStreamReader open(byte[] bytes, String source, List<Problem> problems)
      throws XMLStreamException {
    String text = decode(bytes, source, problems);
    return text == null ? null : factory().createXMLStreamReader(new StringReader(text));
  }

  /** Closes {@code reader}, if any; the document is in memory, so nothing can fail. */
  public static void close(@Nullable XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing to release
      }
    }
  }

  /**
   * The problem of a document the parser stopped on, at {@code source:line:column} where it did:
   * {@code malformed XML: } and the parser's message without its location prefix.
   */
  public static Problem malformed(Exception e, String source) {
    if (!(e instanceof XMLStreamException stax)) {
      // The JDK parser throws unchecked exceptions on some malformed input.
      return Problem.at(source, "malformed XML: " + e.getClass().getSimpleName());
    }
    Location location = stax.getLocation();
    String where =
        location == null || location.getLineNumber() < 0
            ? source
            : source + ":" + location.getLineNumber() + ":" + location.getColumnNumber();
    String message = stax.getMessage() == null ? "" : stax.getMessage();
    int at = message.indexOf("Message: ");
    if (at >= 0) {
      message = message.substring(at + "Message: ".length());
    }
    message = message.strip();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    if (message.contains("was referenced, but not declared")) {
      message += " (entities are never expanded: DTDs and external entities are off)";
    }
    return Problem.at(where, "malformed XML: " + (message.isEmpty() ? "not well-formed" : message));
  }

  private static @Nullable String decode(byte[] bytes, String source, List<Problem> problems) {
    int skip = 0;
    Charset charset;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      skip = 3;
    } else if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0x00, 0x3C, 0x00, 0x3F)) {
      charset = StandardCharsets.UTF_16BE;
      skip = bytes[0] == 0 ? 0 : 2;
    } else if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0x3C, 0x00, 0x3F, 0x00)) {
      charset = StandardCharsets.UTF_16LE;
      skip = bytes[0] == 0x3C ? 0 : 2;
    } else {
      charset = declared(bytes, source, problems);
      if (charset == null) {
        return null;
      }
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharBuffer out = CharBuffer.allocate(bytes.length - skip + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      int line = 1;
      while (out.hasRemaining()) {
        if (out.get() == '\n') {
          line++;
        }
      }
      problems.add(
          Problem.at(
              source + ":" + line,
              "malformed XML: not " + charset.name() + " text (the document's encoding)"));
      return null;
    }
    return out.flip().toString();
  }

  /** The encoding the XML declaration names, UTF-8 without one; {@code null} when unknown. */
  private static @Nullable Charset declared(byte[] bytes, String source, List<Problem> problems) {
    String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
    Matcher matcher = ENCODING.matcher(head);
    if (!matcher.find()) {
      return StandardCharsets.UTF_8;
    }
    String name = matcher.group(1);
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      problems.add(Problem.at(source + ":1", "malformed XML: unknown encoding \"" + name + "\""));
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
