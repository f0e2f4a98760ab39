package concurrencylab.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes ARGB pixels (as a snapshot of the window or the timeline gives them) to a PNG file, with
 * what the picture is of in its text chunks (the recorded run's lesson, parameters, …), which image
 * viewers and {@code identify -verbose} show.
 */
public final class PngWriter {
  private static final String FORMAT = "javax_imageio_png_1.0";

  private PngWriter() {}

  public static void write(int[] argb, int width, int height, Path file) throws IOException {
    write(argb, width, height, file, Map.of());
  }

  public static void write(int[] argb, int width, int height, Path file, Map<String, String> about) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, width, height, argb, 0, width);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    var writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IOException("no PNG writer in this Java runtime");
    }
    ImageWriter writer = writers.next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
      IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
      if (!about.isEmpty()) {
        IIOMetadataNode texts = new IIOMetadataNode("tEXt");
        about.forEach((key, value) -> {
          IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
          entry.setAttribute("keyword", key);
          entry.setAttribute("value", value);
          texts.appendChild(entry);
        });
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        root.appendChild(texts);
        metadata.mergeTree(FORMAT, root);
      }
      writer.setOutput(out);
      writer.write(new IIOImage(image, null, metadata));
    } finally {
      writer.dispose();
    }
  }
}
