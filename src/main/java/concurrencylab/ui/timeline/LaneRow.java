package concurrencylab.ui.timeline;

import javafx.scene.paint.Color;

/**
 * Where one lane's layers are drawn: lane {@code lane}, from {@code top} for {@code height}
 * pixels (the lane less its margins), over {@code ground}, the colour beneath it that faint shapes
 * and label chips are mixed with.
 */
record LaneRow(int lane, double top, double height, Color ground) {
  double bottom() {
    return top + height;
  }
}
