package concurrencylab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A region of a lesson's own Java source, between the lines {@code // snippet:<name>:start} and
 * {@code // snippet:<name>:end}: what the code panel shows is cut from the code that runs, never
 * kept by hand. The build copies the lessons' sources beside their classes. The region comes out
 * as it stands in the source, less its common indentation and any marker lines of other regions
 * inside it.
 *
 * @param owner a class of the source file (its top-level class names the file)
 * @param name the region's name in the markers
 */
public record SourceExcerpt(Class<?> owner, String name) {
  private static final String MARKER = "// snippet:";

  /** The file the region is cut from, e.g. {@code PoolTask.java}. */
  public String sourceFile() {
    Class<?> top = owner;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return top.getSimpleName() + ".java";
  }

  /** The whole source file as the build copied it. */
  public String source() {
    try (InputStream in = owner.getResourceAsStream(sourceFile())) {
      if (in == null) {
        throw new IllegalStateException("the build did not copy " + sourceFile() + " beside " + owner.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The region's lines, dedented. */
  public List<String> lines() {
    List<String> all = source().lines().toList();
    int start = indexOf(all, MARKER + name + ":start", 0);
    int end = indexOf(all, MARKER + name + ":end", start + 1);
    List<String> region = new ArrayList<>();
    for (String line : all.subList(start + 1, end)) {
      if (!line.trim().startsWith(MARKER)) {
        region.add(line);
      }
    }
    int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(SourceExcerpt::indentOf).min().orElse(0);
    return region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }

  private int indexOf(List<String> lines, String marker, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(marker)) {
        return i;
      }
    }
    throw new IllegalStateException(sourceFile() + " has no line '" + marker + "'");
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The regions one after another, each under a comment naming its file, as the panel shows them. */
  public static String joined(List<SourceExcerpt> excerpts) {
    List<String> out = new ArrayList<>();
    for (SourceExcerpt excerpt : excerpts) {
      if (!out.isEmpty()) {
        out.add("");
      }
      out.add("// " + excerpt.sourceFile());
      out.addAll(excerpt.lines());
    }
    return String.join("\n", out);
  }
}
