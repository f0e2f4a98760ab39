package concurrencylab.ui.timeline;

import concurrencylab.ui.look.CanvasText;
import concurrencylab.ui.timeline.LabelPlacement.Placed;
import concurrencylab.ui.timeline.LabelPlacement.Priority;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The labels of a frame's events (task names, marks, values, ends, queue contents): the layers
 * offer them while they draw a lane, and once every lane is drawn they are placed so that none
 * covers another ({@link LabelPlacement}) and drawn on top, each on its own ground.
 */
final class EventLabels {
  /** A label waiting for its place: its text, its type (large or small), ink, and what it sits on (null: nothing). */
  record Label(String text, boolean large, Color ink, Color ground, double padX, double padY) {}

  private final LabelPlacement<Label> placement = new LabelPlacement<>();
  /** The placed labels whose texts go on the canvas this frame. */
  private final List<Placed<Label>> onCanvas = new ArrayList<>();

  /** Forgets the last frame's labels. */
  void clear() {
    placement.clear();
  }

  /**
   * Offers a label {@code width × height} in {@code row}, between {@code minX} and {@code maxX},
   * at the first free one of {@code places} (x, y pairs, best first).
   */
  void offer(Priority priority, LaneRow row, double width, double height, double minX, double maxX, Label label, double... places) {
    placement.offer(priority, row.lane(), width, height, minX, maxX, row.top(), row.bottom(), label, places);
  }

  /**
   * Offers a small label beside {@code x} in the row: to its right, else (near the right edge, or
   * taken) to its left, trying the rows at {@code rowYs} in turn.
   */
  void offerBeside(Priority priority, LaneRow row, FrameSpan span, TimelineType type, String text, Color ink, double x, double... rowYs) {
    double w = CanvasText.width(text, type.small()) + 8;
    double boxHeight = type.small().getSize() + 4;
    double[] places = new double[rowYs.length * 4];
    for (int i = 0; i < rowYs.length; i++) {
      double y = Math.min(rowYs[i], row.bottom() - boxHeight);
      places[4 * i] = x + 3;
      places[4 * i + 1] = y;
      places[4 * i + 2] = x - 3 - w;
      places[4 * i + 3] = y;
    }
    offer(priority, row, w, boxHeight, span.left(), span.width() - 2, new Label(text, false, ink, row.ground(), 4, 2), places);
  }

  /**
   * Places what the lanes offered, and puts the labels that won a place into the frame's picture:
   * their chips, and their texts that have a picture of their own; the others are left for {@link
   * #paintTexts}, to be written on the canvas over the picture (labels are the top layer, so it
   * comes to the same).
   */
  void paintInto(LanePixels pixels, int laneCount, TimelineType type, LabelWriter writer) {
    List<Placed<Label>> placed = placement.place(laneCount);
    onCanvas.clear();
    boolean composing = pixels.asPicture();
    for (Placed<Label> box : placed) {
      Label label = box.label();
      if (label.ground() != null) {
        SolidShapes.chip(pixels, label.ground(), box.x(), box.y(), box.width(), box.height());
      }
      if (!composing
          || !writer.compose(pixels, label.text(), label.large() ? type.large() : type.small(), label.ink(), VPos.TOP,
              box.x() + label.padX(), box.y() + label.padY())) {
        onCanvas.add(box);
      }
    }
  }

  /** Writes the texts of the placed labels that {@link #paintInto} did not put into the picture. */
  void paintTexts(GraphicsContext g, TimelineType type, LabelWriter writer) {
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.LEFT);
    for (Placed<Label> box : onCanvas) {
      Label label = box.label();
      g.setFont(label.large() ? type.large() : type.small());
      g.setFill(label.ink());
      writer.fill(g, label.text(), box.x() + label.padX(), box.y() + label.padY());
    }
  }

  /** The labels placed in the last frame: where each went and what it says. */
  List<Placed<Label>> placed() {
    return List.copyOf(placement.placed());
  }

  /** How many of the last frame's placed labels had their texts copied into its picture. */
  int inPicture() {
    return placement.placed().size() - onCanvas.size();
  }

  /** How many labels the last frame had no room for. */
  int folded() {
    return placement.folded();
  }
}
