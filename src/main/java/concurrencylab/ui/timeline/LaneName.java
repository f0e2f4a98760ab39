package concurrencylab.ui.timeline;

import concurrencylab.ui.look.CanvasText;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * A lane's name as its label column can show it, never squeezed (a squeezed "JavaFX Application
 * Thread" was hard to read from the back of a room): whole in the large type if it fits; else in a
 * smaller type, down to the small one; else on as many lines of whole words as the lane is tall
 * enough for; else cut with an ellipsis (the lane's details name it whole).
 */
record LaneName(List<String> lines, Font font) {
  /** The height of a line, against the font's size. */
  static final double LINE_SPACING = 1.15;

  static LaneName fitted(String name, TimelineType type, double room, double laneHeight) {
    Font large = type.large();
    Font small = Font.font(large.getFamily(), FontWeight.BOLD, type.small().getSize());
    // the large type if the name fits, else a smaller one down to the small type
    Font fitting = CanvasText.shrunkToFit(large.getFamily(), FontWeight.BOLD, large.getSize(), name, room, small.getSize());
    if (CanvasText.width(name, fitting) <= room) {
      return new LaneName(List.of(name), fitting);
    }
    for (Font font : List.of(large, small)) {
      List<String> lines = wrapped(name, font, room);
      if (lines.size() > 1 && lines.size() <= linesIn(laneHeight, font) && lines.stream().allMatch(l -> CanvasText.width(l, font) <= room)) {
        return new LaneName(lines, font);
      }
    }
    int most = linesIn(laneHeight, small);
    List<String> lines = wrapped(name, small, room);
    if (most <= 1 || lines.size() == 1) {
      return new LaneName(List.of(CanvasText.fitting(name, small, room)), small);
    }
    List<String> kept = new ArrayList<>(lines.subList(0, Math.min(most, lines.size())));
    String rest = String.join(" ", lines.subList(kept.size() - 1, lines.size()));
    kept.set(kept.size() - 1, CanvasText.fitting(rest, small, room));
    return new LaneName(kept, small);
  }

  private static int linesIn(double height, Font font) {
    return (int) (height / (font.getSize() * LINE_SPACING));
  }

  /** The name's words in lines as long as fit; a word longer than the room stands on its own line. */
  private static List<String> wrapped(String name, Font font, double room) {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String word : name.split(" ")) {
      String longer = line.isEmpty() ? word : line + " " + word;
      if (line.isEmpty() || CanvasText.width(longer, font) <= room) {
        line = longer;
      } else {
        lines.add(line);
        line = word;
      }
    }
    lines.add(line);
    return lines;
  }
}
