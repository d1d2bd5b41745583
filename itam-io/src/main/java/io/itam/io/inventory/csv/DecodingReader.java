package io.itam.io.inventory.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;

/**
 * Decodes bytes strictly (malformed or unmappable input is an error, never a replacement character)
 * and knows the line an error is on, which a buffering {@code InputStreamReader} does not.
 */
final class DecodingReader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private int line = 1;
  private boolean eof;
  private boolean flushed;

  DecodingReader(InputStream in, Charset charset) {
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Thrown when the input is not in the charset; {@link #line()} is where. */
  static final class Undecodable extends MalformedInputException {
    private static final long serialVersionUID = 1L;
    private final int line;

    Undecodable(int length, int line) {
      super(length);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (out.position() == offset) {
      if (flushed) {
        return -1;
      }
      int start = out.position();
      CoderResult result = decoder.decode(bytes, out, eof);
      count(buffer, start, out.position());
      if (result.isError()) {
        throw new Undecodable(result.length(), line);
      }
      if (out.position() > offset || result.isOverflow()) {
        break;
      }
      if (eof) {
        CoderResult end = decoder.flush(out);
        count(buffer, start, out.position());
        flushed = !end.isOverflow();
      } else {
        fill();
      }
    }
    return out.position() - offset;
  }

  /** Reads more bytes after those not decoded yet; at the end of the input sets {@code eof}. */
  private void fill() throws IOException {
    bytes.compact();
    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (read < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + read);
    }
    bytes.flip();
  }

  private void count(char[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        line++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
