package concurrencylab.ui.look;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A theme's looked-up colours as the scene graph gets them: hidden regions in a scene of their own,
 * styled by the theme's stylesheets (its base theme as the scene's user agent stylesheet), each
 * painting its background with one looked-up colour. So a colour may name another ({@code
 * -lab-text: -color-fg-default}), and what a canvas draws is what a control shows.
 */
final class LookedUpColors {
  private LookedUpColors() {}

  /**
   * The colours {@code names} (such as {@code -lab-lane-1}) resolve to in {@code theme}, in order.
   * Runs on the FX thread (waiting for it when called from another); fails naming a colour that no
   * stylesheet of the theme defines.
   */
  static Map<String, Color> read(Theme theme, List<String> names) {
    if (Platform.isFxApplicationThread()) {
      return readHere(theme, names);
    }
    CompletableFuture<Map<String, Color>> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(readHere(theme, names));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    try {
      return result.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the colours of " + theme, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the FX thread did not read the colours of " + theme + " in 30 s", e);
    }
  }

  private static Map<String, Color> readHere(Theme theme, List<String> names) {
    Pane root = new Pane();
    for (String name : names) {
      Region swatch = new Region();
      swatch.setStyle("-fx-background-color: " + name + ";");
      root.getChildren().add(swatch);
    }
    Scene scene = new Scene(root);
    // the application's own when it is this theme's (the window's theme at start): a scene's user
    // agent stylesheet is loaded again, apart from the application's
    if (!theme.userAgentStylesheet().equals(javafx.application.Application.getUserAgentStylesheet())) {
      scene.setUserAgentStylesheet(theme.userAgentStylesheet());
    }
    scene.getStylesheets().setAll(Theme.commonStylesheet(), theme.stylesheet());
    root.applyCss();
    Map<String, Color> colors = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Background background = ((Region) root.getChildren().get(i)).getBackground();
      Paint paint = background == null || background.getFills().isEmpty() ? null : background.getFills().get(0).getFill();
      if (!(paint instanceof Color color)) {
        throw new IllegalStateException("theme " + theme + " defines no colour " + names.get(i) + " (" + theme.stylesheet() + ")");
      }
      colors.put(names.get(i), color);
    }
    return colors;
  }
}
