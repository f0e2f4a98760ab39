package concurrencylab.ui.tab;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;

/**
 * The buttons of a choice side by side while their whole labels fit the width, else one under
 * the other at full width (wrapping a label that is wider still), so that a label is never cut to
 * "…" — in a long language or at a large presentation scale alike.
 */
final class ChoiceButtons extends Region {
  private static final double GAP = 4;

  ChoiceButtons(List<ToggleButton> buttons) {
    getStyleClass().add("choice-buttons");
    for (ToggleButton button : buttons) {
      button.setWrapText(true);
      button.setMinWidth(0);
    }
    getChildren().addAll(buttons);
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL;
  }

  private double rowWidth() {
    double sum = GAP * Math.max(0, getChildren().size() - 1);
    for (Node child : getChildren()) {
      sum += child.prefWidth(-1);
    }
    return sum;
  }

  private boolean fitsInOneRow(double width) {
    return width < 0 || rowWidth() <= width - snappedLeftInset() - snappedRightInset();
  }

  @Override
  protected double computePrefWidth(double height) {
    return snappedLeftInset() + rowWidth() + snappedRightInset();
  }

  @Override
  protected double computeMinWidth(double height) {
    double widest = 0;
    for (Node child : getChildren()) {
      widest = Math.max(widest, Math.min(child.prefWidth(-1), 120));
    }
    return snappedLeftInset() + widest + snappedRightInset();
  }

  @Override
  protected double computePrefHeight(double width) {
    double insets = snappedTopInset() + snappedBottomInset();
    if (fitsInOneRow(width)) {
      double tallest = 0;
      for (Node child : getChildren()) {
        tallest = Math.max(tallest, child.prefHeight(-1));
      }
      return insets + tallest;
    }
    double inner = width - snappedLeftInset() - snappedRightInset();
    double sum = GAP * Math.max(0, getChildren().size() - 1);
    for (Node child : getChildren()) {
      sum += child.prefHeight(inner);
    }
    return insets + sum;
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    double x = snappedLeftInset();
    double y = snappedTopInset();
    double inner = getWidth() - snappedLeftInset() - snappedRightInset();
    if (fitsInOneRow(getWidth())) {
      double height = getHeight() - snappedTopInset() - snappedBottomInset();
      for (Node child : getChildren()) {
        double w = snapSizeX(child.prefWidth(-1));
        child.resizeRelocate(x, y, w, height);
        x += w + GAP;
      }
    } else {
      for (Node child : getChildren()) {
        double h = snapSizeY(child.prefHeight(inner));
        child.resizeRelocate(x, y, inner, h);
        y += h + GAP;
      }
    }
  }
}
