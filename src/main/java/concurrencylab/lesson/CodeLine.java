package concurrencylab.lesson;

import java.util.List;

/**
 * A line of a code example, found by a part of its text: the first line containing {@code text}
 * at or after the first line containing {@code within} (a function, a branch), so the same
 * statement in two branches is told apart by the branch.
 */
public record CodeLine(String within, String text) {
  public static CodeLine of(String text) {
    return new CodeLine("", text);
  }

  public static CodeLine in(String within, String text) {
    return new CodeLine(within, text);
  }

  /** The 0-based index of the line in {@code lines}, or -1 when it is not there. */
  public int indexIn(List<String> lines) {
    int from = 0;
    if (!within.isEmpty()) {
      from = find(lines, within, 0);
      if (from < 0) {
        return -1;
      }
    }
    return find(lines, text, from);
  }

  private static int find(List<String> lines, String part, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }
}
