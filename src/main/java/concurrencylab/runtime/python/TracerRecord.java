package concurrencylab.runtime.python;

/**
 * One record of the Python tracer (see {@code python/_concurrencylab_tracer.py}): a line of eight
 * tab-separated fields, {@code kind pid tid monotonic-ns a b c text}, the text with backslash,
 * tab, newline and carriage return escaped. What a, b and c mean depends on the kind.
 */
record TracerRecord(char kind, long pid, long tid, long time, String a, String b, String c, String text) {
  /** The record on this line, or null when the line is not one. */
  static TracerRecord parse(String line) {
    String[] f = line.split("\t", 8);
    if (f.length != 8 || f[0].length() != 1) {
      return null;
    }
    try {
      return new TracerRecord(f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5], f[6], unescape(f[7]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  long a(long fallback) {
    return number(a, fallback);
  }

  long b(long fallback) {
    return number(b, fallback);
  }

  long c(long fallback) {
    return number(c, fallback);
  }

  private static long number(String field, long fallback) {
    try {
      return Long.parseLong(field.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch != '\\' || i + 1 == text.length()) {
        out.append(ch);
        continue;
      }
      char next = text.charAt(++i);
      switch (next) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
