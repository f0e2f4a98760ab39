package concurrencylab.ui.script;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks which script to open, or where to save one. The native dialog by default; a test hands in its own. */
public interface ScriptChooser {
  Optional<Path> open(Window owner, Path folder);

  Optional<Path> saveAs(Window owner, Path suggested);

  /** The system's file dialogs, showing Python files. */
  ScriptChooser NATIVE = new ScriptChooser() {
    @Override
    public Optional<Path> open(Window owner, Path folder) {
      FileChooser chooser = chooser(folder);
      return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> saveAs(Window owner, Path suggested) {
      FileChooser chooser = chooser(suggested.toAbsolutePath().getParent());
      chooser.setInitialFileName(suggested.getFileName().toString());
      return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    private FileChooser chooser(Path folder) {
      FileChooser chooser = new FileChooser();
      chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Python", "*.py"));
      if (folder != null && folder.toFile().isDirectory()) {
        chooser.setInitialDirectory(folder.toFile());
      }
      return chooser;
    }
  };
}
