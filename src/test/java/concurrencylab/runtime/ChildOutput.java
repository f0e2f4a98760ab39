package concurrencylab.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * What a misbehaving child may write, for the fuzz tests: random bytes, protocol lines that are
 * almost right (truncated, wrong verb, a time that is no number, stray separators), NUL bytes,
 * invalid and cut UTF-8, and now and then a line far past the 64 KiB cut. Plus the oracle: how
 * bytes ought to split into lines.
 */
final class ChildOutput {
  private ChildOutput() {}

  /** A string that looks more or less like a protocol line; one in 20 is 60,000 characters or more. */
  static Arbitrary<String> protocolishOrHuge() {
    return Arbitraries.frequencyOf(
        Tuple.of(19, protocolish()),
        Tuple.of(1, Arbitraries.strings().all().ofMinLength(60_000).ofMaxLength(70_000)));
  }

  /** A string that looks more or less like a protocol line. */
  static Arbitrary<String> protocolish() {
    Arbitrary<String> prefix = Arbitraries.of(LineProtocol.PREFIX, LineProtocol.PREFIX, "\u001E", "cl ", "", "\u001Ecl", "\u001ECL ", "\u001Ecl  ", " \u001Ecl ");
    Arbitrary<String> verb = Arbitraries.oneOf(
        Arbitraries.of("ready", "print", "mark", "state", "begin", "end", "fail", "run", "READY", "Print", "explode", "", "ſtate"),
        Arbitraries.strings().all().ofMaxLength(6));
    Arbitrary<String> number = Arbitraries.oneOf(
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of("", "-", "+1", "-0", "9223372036854775808", "-9223372036854775809", "1e3", "0x10", " ", "١٢", "NaN"),
        Arbitraries.strings().numeric().ofMaxLength(25));
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "  ", "\t", "", "\u0000");
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withChars(" \t\u001E\u0000\\\r").ofMaxLength(8),
        Arbitraries.of("RUNNING", "SLEEPING", "ENDED", " WAITING ", "Boom: x", "some.Task\targ\\t"));
    Arbitrary<String> line = Combinators.combine(prefix, verb, separator, number, separator, number, separator, text)
        .as((p, v, s1, n1, s2, n2, s3, t) -> p + v + s1 + n1 + s2 + n2 + s3 + t);
    Arbitrary<String> wellFormed = Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.strings().all().ofMaxLength(30))
        .flatAs((time, n, t) -> Arbitraries.of(
            LineProtocol.ready(time, n), LineProtocol.print(time, t), LineProtocol.mark(time, t), LineProtocol.state(time, t), LineProtocol.begin(time, n),
            LineProtocol.end(time, n), LineProtocol.fail(time, n, t), LineProtocol.run(n, t, List.of(t, t))));
    Arbitrary<String> truncated = wellFormed.flatMap(l -> Arbitraries.integers().between(0, l.length()).map(cut -> l.substring(0, cut)));
    return Arbitraries.frequencyOf(
        Tuple.of(4, line),
        Tuple.of(3, wellFormed),
        Tuple.of(3, truncated),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(80)));
  }

  /** A few bytes of any kind: random, protocol-like, line ends, NUL, broken and odd UTF-8. */
  private static Arbitrary<byte[]> piece() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)),
        Tuple.of(6, protocolish().filter(s -> s.length() < 1000).map(s -> s.getBytes(StandardCharsets.UTF_8))),
        Tuple.of(6, Arbitraries.of("\n", "\n", "\u0000", LineProtocol.PREFIX, "print 1 ", "end 5", "中文", "\r\n", "\\").map(s -> s.getBytes(StandardCharsets.UTF_8))),
        Tuple.of(4, Arbitraries.of(
            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE4, (byte) 0xB8},
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})));
  }

  /** One line far past the 64 KiB cut, of ASCII, of Chinese (so the cut falls inside a character), of 0xFF or of NUL. */
  private static Arbitrary<byte[]> hugeLine() {
    return Arbitraries.integers().between(LineReader.MAX_LINE_BYTES - 8, 3 * LineReader.MAX_LINE_BYTES)
        .flatMap(n -> Arbitraries.of((byte) 'x', (byte) 0xE4, (byte) 0xFF, (byte) 0).map(b -> huge(n, b)));
  }

  /**
   * Raw bytes as a child may write them to its stdout, '\n' and all; one case in {@code hugeShare}
   * also holds a line of 64 KiB or more.
   */
  static Arbitrary<byte[]> bytes(int hugeShare) {
    return withHugeLineNowAndThen(piece().list().ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform()), hugeShare);
  }

  /**
   * Lines as a child may write them: protocol-like ones and ones made of any bytes, each ended
   * with '\n' (and some holding more '\n' of their own).
   */
  static Arbitrary<byte[]> lines(int hugeShare) {
    Arbitrary<byte[]> line = Arbitraries.frequencyOf(
        Tuple.of(3, protocolish().filter(s -> s.length() < 1000).map(s -> s.getBytes(StandardCharsets.UTF_8))),
        Tuple.of(2, piece().list().ofMaxSize(6).map(ChildOutput::concat)));
    Arbitrary<List<byte[]>> lines = line.map(bytes -> concat(List.of(bytes, new byte[] {'\n'})))
        .list().ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform());
    return withHugeLineNowAndThen(lines, hugeShare);
  }

  private static Arbitrary<byte[]> withHugeLineNowAndThen(Arbitrary<List<byte[]>> pieces, int hugeShare) {
    Arbitrary<List<byte[]>> withHugeLine = Combinators.combine(pieces, hugeLine(), pieces).as((before, h, after) -> {
      List<byte[]> all = new ArrayList<>(before);
      all.add(h);
      all.add(new byte[] {'\n'});
      all.addAll(after);
      return all;
    });
    return Arbitraries.frequencyOf(Tuple.of(hugeShare - 1, pieces), Tuple.of(1, withHugeLine)).map(ChildOutput::concat);
  }

  private static byte[] huge(int size, byte fill) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, fill);
    if (fill == (byte) 0xE4) {
      for (int i = 0; i + 2 < size; i += 3) {
        bytes[i + 1] = (byte) 0xB8; // 中 over and over, so the cut falls inside a character
        bytes[i + 2] = (byte) 0xAD;
      }
    }
    return bytes;
  }

  private static byte[] concat(List<byte[]> pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pieces.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /**
   * The lines that {@code bytes} hold, decoded as the app promises to: split at '\n', invalid UTF-8
   * replaced, a line past {@link LineReader#MAX_LINE_BYTES} cut there with the marker, and a last
   * line without '\n' kept.
   */
  static List<String> expectedLines(byte[] bytes) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      boolean end = i == bytes.length;
      if (end && start == bytes.length) {
        break;
      }
      if (end || bytes[i] == '\n') {
        int length = i - start;
        lines.add(length > LineReader.MAX_LINE_BYTES
            ? new String(bytes, start, LineReader.MAX_LINE_BYTES, StandardCharsets.UTF_8) + LineReader.CUT_MARKER
            : new String(bytes, start, length, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return lines;
  }
}
