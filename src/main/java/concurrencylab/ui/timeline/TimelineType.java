package concurrencylab.ui.timeline;

import concurrencylab.ui.look.Palette;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * How big the timeline is drawn: the scale a far-away room asks for, the large type of lane names
 * and task chips, and the small type of everything else, in the theme's weight for canvas text.
 */
record TimelineType(double scale, Font large, Font small, FontWeight smallWeight) {
  static TimelineType at(double scale) {
    FontWeight weight = Palette.textWeight();
    return new TimelineType(scale, Font.font("System", FontWeight.BOLD, 16 * scale), Font.font("System", weight, 14 * scale), weight);
  }

  /** Whether the theme now draws canvas text in another weight (high contrast: bold). */
  boolean outOfTheme() {
    return smallWeight != Palette.textWeight();
  }
}
