package concurrencylab.ui.timeline;

import java.util.Arrays;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The canvas below the last lane, when the lanes do not fill it: nothing but the ground and the
 * axis's grid lines going on down. The canvas keeps what it drew from one frame to the next, so
 * this part is drawn whole only when something about it changed (its place, its colours, the
 * canvas, something drawn over it); otherwise only the grid lines that moved are taken away and
 * drawn again where they are now. A live run with few lanes then costs the rows of its lanes,
 * not the whole canvas, every frame.
 */
final class GroundBelowLanes {
  private boolean kept;
  private double left;
  private double top;
  private double right;
  private double bottom;
  private Color ground;
  private Color grid;
  private double[] lines = new double[0];

  /** What the canvas shows may no longer be what this drew: draw it whole next time. */
  void forget() {
    kept = false;
  }

  /**
   * Draws the canvas from {@code top} to {@code bottom} (whole pixels) and from {@code left} to
   * {@code right}: the ground, and 1 px grid lines at {@code gridXs} (in order), as the axis draws them.
   */
  void paint(GraphicsContext g, double left, double top, double right, double bottom, Color groundColour, Color gridColour, double[] gridXs) {
    if (bottom <= top) {
      kept = false;
      return;
    }
    boolean same = kept && left == this.left && top == this.top && right == this.right && bottom == this.bottom
        && groundColour.equals(ground) && gridColour.equals(grid);
    if (!same) {
      g.setFill(groundColour);
      g.fillRect(left, top, right - left, bottom - top);
      g.setFill(gridColour);
      for (double x : gridXs) {
        g.fillRect(x - 0.5, top, 1, bottom - top);
      }
    } else if (!Arrays.equals(lines, gridXs)) {
      g.setFill(groundColour);
      for (double x : lines) {
        if (Arrays.binarySearch(gridXs, x) < 0) {
          // the two columns a line between them blends into, back to the ground
          double from = Math.floor(x - 0.5);
          g.fillRect(from, top, Math.ceil(x + 0.5) - from, bottom - top);
        }
      }
      g.setFill(gridColour);
      for (double x : gridXs) {
        if (Arrays.binarySearch(lines, x) < 0) {
          g.fillRect(x - 0.5, top, 1, bottom - top);
        }
      }
    }
    kept = true;
    this.left = left;
    this.top = top;
    this.right = right;
    this.bottom = bottom;
    ground = groundColour;
    grid = gridColour;
    lines = gridXs;
  }
}
