package concurrencylab.ui.timeline;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * How big the timeline is drawn: the scale a far-away room asks for, the large type of lane names
 * and task chips, and the small type of everything else.
 */
record TimelineType(double scale, Font large, Font small) {
  static TimelineType at(double scale) {
    return new TimelineType(scale, Font.font("System", FontWeight.BOLD, 16 * scale), Font.font("System", 14 * scale));
  }
}
