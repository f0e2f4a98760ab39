package concurrencylab.ui.tab;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Holds a lesson's own view and, when the height it is given is less than the view asks for at
 * that width (or the width less than the view's least), draws it smaller, never larger: in
 * presentation mode the view keeps its proportions and all of its content instead of pushing the
 * timeline out of the window.
 */
final class ScaledToFit extends Region {
  private final Node content;
  /** The smallest the view is drawn at. */
  private static final double LEAST = 0.25;
  private final Scale scaling = new Scale(1, 1, 0, 0);

  ScaledToFit(Node content) {
    this.content = content;
    content.getTransforms().add(scaling);
    getChildren().add(content);
    setMinHeight(0);
  }

  /** The factor the view is drawn at now (1: as it is). */
  double factor() {
    return scaling.getX();
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL;
  }

  @Override
  protected double computePrefHeight(double width) {
    return content.prefHeight(width < 0 ? -1 : width);
  }

  @Override
  protected double computePrefWidth(double height) {
    return content.prefWidth(-1);
  }

  @Override
  protected double computeMinWidth(double height) {
    return 0;
  }

  @Override
  protected void layoutChildren() {
    double width = getWidth();
    double height = getHeight();
    double factor = 1;
    // narrower at a smaller factor the view may wrap into fewer rows: settle in a few steps
    // a view narrower than it can be (a picture of a fixed width) is drawn smaller too
    double narrowest = content.minWidth(-1);
    double widthFit = narrowest <= 0 ? 1 : Math.min(1, width / narrowest);
    for (int step = 0; step < 4; step++) {
      double wanted = content.prefHeight(width / factor);
      double next = Math.min(widthFit, wanted <= 0 ? 1 : Math.min(1, height / wanted));
      if (Math.abs(next - factor) < 0.005) {
        factor = next;
        break;
      }
      factor = next;
    }
    // the steps above can end on a factor the view does not fit at (its wrapped texts then lose
    // their last lines to an ellipsis): smaller until it does
    for (int step = 0; step < 40 && factor > LEAST && content.prefHeight(width / factor) * factor > height + 0.5; step++) {
      factor *= 0.97;
    }
    factor = Math.max(LEAST, factor);
    scaling.setX(factor);
    scaling.setY(factor);
    content.resizeRelocate(0, 0, width / factor, height / factor);
  }
}
