package concurrencylab.ui.script;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** A {@code .py} file dropped anywhere on the window opens as "Your script"; other files are not taken. */
public final class ScriptDrop {
  private ScriptDrop() {}

  public static void install(Node target, Consumer<Path> open) {
    target.addEventHandler(DragEvent.DRAG_OVER, e -> {
      if (!scripts(e).isEmpty()) {
        e.acceptTransferModes(TransferMode.COPY);
        e.consume();
      }
    });
    target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
      List<Path> scripts = scripts(e);
      scripts.forEach(open);
      e.setDropCompleted(!scripts.isEmpty());
      e.consume();
    });
  }

  static List<Path> scripts(DragEvent e) {
    if (!e.getDragboard().hasFiles()) {
      return List.of();
    }
    return e.getDragboard().getFiles().stream()
        .map(File::toPath)
        .filter(p -> p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".py"))
        .toList();
  }
}
