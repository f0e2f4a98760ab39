package concurrencylab.ui.look;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.Stylesheet;

/**
 * The themes' stylesheets in JavaFX's binary form ({@code .bss}, as JavaFX ships Modena): loaded
 * without parsing. AtlantaFX's Primer stylesheets are 165 KB of CSS each, which a start parsed
 * with a cold parser before its first frame. The build makes the binary forms from the very text
 * ({@link #main}, the pom's {@code binary-stylesheets} execution, after the classes and before the
 * tests) and puts them beside this class; {@link Theme} uses a binary form where the build made
 * one and the text otherwise (a run from an IDE that skipped the build step looks the same, only
 * starts slower). The base theme's binary form leaves out the selectors of the controls the app
 * never shows ({@link UnusedControls}). A test checks every binary form holds its text's rules,
 * rule for rule, but for those.
 */
public final class BinaryStylesheets {
  /**
   * A stylesheet of a theme: its text (a class-path resource, as {@link Theme} names it), its
   * binary form's name here, and whether that leaves out the selectors of {@link UnusedControls}.
   */
  record Sheet(String text, String binary, boolean withoutUnusedControls) {}

  /** Every stylesheet a {@link Theme} uses. */
  static final List<Sheet> SHEETS = List.of(
      new Sheet("/atlantafx/base/theme/primer-light.css", "primer-light.bss", true),
      new Sheet("/atlantafx/base/theme/primer-dark.css", "primer-dark.bss", true),
      new Sheet("lab.css", "lab.bss", false),
      new Sheet("light.css", "light.bss", false),
      new Sheet("dark.css", "dark.bss", false),
      new Sheet("contrast.css", "contrast.bss", false));

  private BinaryStylesheets() {}

  /** The URL of {@code text}'s binary form when the build made one, else of the text itself. */
  static String url(String text) {
    Sheet sheet = SHEETS.stream().filter(s -> s.text().equals(text)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a theme's stylesheet: " + text));
    URL binary = BinaryStylesheets.class.getResource(sheet.binary());
    return (binary != null ? binary : textUrl(sheet)).toExternalForm();
  }

  static URL textUrl(Sheet sheet) {
    URL url = BinaryStylesheets.class.getResource(sheet.text());
    if (url == null) {
      throw new IllegalStateException("no stylesheet " + sheet.text() + " on the class path");
    }
    return url;
  }

  /**
   * Writes the binary form of every stylesheet into the folder {@code args[0]} (the build's {@code
   * target/classes/concurrencylab/ui/look}). The texts are copied side by side first, so that one
   * importing another ({@code contrast.css} imports {@code dark.css}) takes in the same rules.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BinaryStylesheets FOLDER");
    }
    Path folder = Files.createDirectories(Path.of(args[0]));
    Path texts = Files.createTempDirectory("concurrency-lab-css-");
    try {
      for (Sheet sheet : SHEETS) {
        String text;
        try (InputStream in = textUrl(sheet).openStream()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (sheet.withoutUnusedControls()) {
          text = StylesheetTrim.without(text, UnusedControls::owns);
        }
        Files.writeString(texts.resolve(fileName(sheet.text())), text);
      }
      for (Sheet sheet : SHEETS) {
        Path binary = folder.resolve(sheet.binary());
        Files.deleteIfExists(binary);
        Stylesheet.convertToBinary(texts.resolve(fileName(sheet.text())).toFile(), binary.toFile());
      }
    } finally {
      try (Stream<Path> files = Files.walk(texts)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> {
          try {
            Files.delete(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }

  private static String fileName(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }
}
