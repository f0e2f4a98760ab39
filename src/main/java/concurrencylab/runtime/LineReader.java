package concurrencylab.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a child's output into lines whatever it contains: invalid UTF-8 becomes U+FFFD, and a line
 * longer than {@link #MAX_LINE_BYTES} is cut there with a visible marker while the rest of it is
 * skipped, so a runaway child cannot exhaust the app's memory.
 */
public final class LineReader {
  public static final int MAX_LINE_BYTES = 64 * 1024;
  public static final String CUT_MARKER = " …[line cut at 64 KiB]";

  private final InputStream in;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private int lineLength;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);

  public LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line without its '\n', or null at end of stream. */
  public String readLine() throws IOException {
    lineLength = 0;
    boolean cut = false;
    boolean sawAny = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return sawAny ? decode(cut) : null;
        }
      }
      sawAny = true;
      byte b = buffer[position++];
      if (b == '\n') {
        return decode(cut);
      }
      if (lineLength < MAX_LINE_BYTES) {
        append(b);
      } else {
        cut = true;
      }
    }
  }

  private void append(byte b) {
    if (lineLength == line.length) {
      line = java.util.Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE_BYTES));
    }
    line[lineLength++] = b;
  }

  private String decode(boolean cut) throws IOException {
    decoder.reset();
    CharBuffer chars = decoder.decode(ByteBuffer.wrap(line, 0, lineLength));
    String text = chars.toString();
    if (line.length > 4096 && lineLength < 1024) {
      line = new byte[256];
    }
    return cut ? text + CUT_MARKER : text;
  }
}
