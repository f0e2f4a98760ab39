package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  private static List<String> lines(byte[] bytes) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void splitsLinesAndKeepsALastLineWithoutNewline() throws IOException {
    assertThat(lines("one\ntwo\n\nthree".getBytes(StandardCharsets.UTF_8))).containsExactly("one", "two", "", "three");
    assertThat(lines(new byte[0])).isEmpty();
  }

  @Test
  void replacesInvalidUtf8AndKeepsValidText() throws IOException {
    byte[] bytes = {'o', 'k', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xE4, (byte) 0xB8, (byte) 0xAD, 0, '\n', (byte) 0xFF, '\n'};
    assertThat(lines(bytes)).containsExactly("ok\uFFFD( 中\u0000", "\uFFFD");
  }

  @Test
  void cutsAHugeLineWithAMarkerAndReadsTheNextOneWhole() throws IOException {
    byte[] huge = new byte[1024 * 1024];
    Arrays.fill(huge, (byte) 'x');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(huge);
    out.write("\nafter\n".getBytes(StandardCharsets.UTF_8));

    List<String> lines = lines(out.toByteArray());

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).endsWith(LineReader.CUT_MARKER);
    assertThat(lines.get(0)).hasSize(LineReader.MAX_LINE_BYTES + LineReader.CUT_MARKER.length());
    assertThat(lines.get(1)).isEqualTo("after");
  }
}
