package concurrencylab.ui.tab;

import concurrencylab.ui.timeline.TimelineImage;
import concurrencylab.export.ChromeTraceWriter;
import concurrencylab.export.CsvWriter;
import concurrencylab.export.PngWriter;
import concurrencylab.lesson.RunFacts;
import concurrencylab.trace.RunInfo;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

/** What File ▸ Export writes for the shown tab's recorded run. Call on the FX thread. */
public final class RunExports {
  /** The kinds of file a run can be exported to, with their extension. */
  public enum Format {
    TIMELINE_PNG("png"),
    WINDOW_PNG("png"),
    CHROME_TRACE("json"),
    CSV("csv");

    public final String extension;

    Format(String extension) {
      this.extension = extension;
    }
  }

  private RunExports() {}

  public static void write(LessonTab tab, Node window, Format format, Path file) throws IOException {
    switch (format) {
      case TIMELINE_PNG -> writeImage(tab.timeline().renderImage(TimelineImage.EXPORT_SCALE), file, about(tab.timeline().trace().runInfo()));
      case WINDOW_PNG -> writeImage(snapshot(window, TimelineImage.EXPORT_SCALE), file, about(tab.timeline().trace().runInfo()));
      case CHROME_TRACE -> ChromeTraceWriter.write(tab.timeline().trace(), about(tab.timeline().trace().runInfo()), file);
      case CSV -> CsvWriter.write(tab.timeline().trace(), about(tab.timeline().trace().runInfo()), file);
    }
  }

  /** What an exported file says about how its run was made: the run's facts and the command that repeats it. */
  public static Map<String, String> about(RunInfo run) {
    return RunFacts.of(run);
  }

  public static void writeSnapshot(Node node, double scale, Path file) throws IOException {
    writeImage(snapshot(node, scale), file, Map.of());
  }

  private static javafx.scene.image.Image snapshot(Node node, double scale) {
    SnapshotParameters parameters = new SnapshotParameters();
    parameters.setTransform(Transform.scale(scale, scale));
    return node.snapshot(parameters, null);
  }

  /** A picture as PNG, with what it shows in its text chunks. */
  public static void writeImage(javafx.scene.image.Image image, Path file, Map<String, String> about) throws IOException {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] pixels = new int[width * height];
    image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(pixels), width);
    PngWriter.write(pixels, width, height, file, about);
  }
}
