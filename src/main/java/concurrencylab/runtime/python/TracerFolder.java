package concurrencylab.runtime.python;

import concurrencylab.runtime.TempFolders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The tracer's files ({@code python/sitecustomize.py}, the tracer, the supervisor), written once per
 * app run into a folder of their own that every Python run shares. The interpreters keep the
 * compiled modules beside them ({@code __pycache__}), so a run does not compile the tracer and the
 * supervisor again: that took some 25 ms of every run's start. Written anew when a file is gone (a
 * temp-folder cleaner); removed when the app exits, or by the next app when this one was killed.
 */
final class TracerFolder {
  static final List<String> FILES = List.of("sitecustomize.py", "_concurrencylab_tracer.py", "_concurrencylab_supervisor.py");

  private static Path folder;

  private TracerFolder() {
  }

  static synchronized Path get() {
    if (folder == null || !FILES.stream().allMatch(name -> Files.isRegularFile(folder.resolve(name)))) {
      Path fresh = write();
      if (folder == null) {
        Runtime.getRuntime().addShutdownHook(new Thread(TracerFolder::removeAtExit, "python-tracer-cleanup"));
      } else {
        TempFolders.delete(folder);
      }
      folder = fresh;
    }
    return folder;
  }

  private static Path write() {
    try {
      Path dir = TempFolders.create("python-tracer");
      for (String name : FILES) {
        try (InputStream in = TracerFolder.class.getResourceAsStream("/concurrencylab/python/" + name)) {
          if (in == null) {
            TempFolders.delete(dir);
            throw new IllegalStateException("the tracer's " + name + " is missing from the app");
          }
          Files.copy(in, dir.resolve(name));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare the Python tracer", e);
    }
  }

  private static synchronized void removeAtExit() {
    if (folder != null) {
      TempFolders.delete(folder);
    }
  }

}
