package concurrencylab.runtime;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A class-data-sharing archive (AppCDS) for worker JVMs. The build makes it in two steps: one
 * worker runs with the very command the app will use and lists every class it loads; then the JVM
 * dumps those classes, already parsed, verified and linked, together with the module graph and the
 * objects the JDK builds at start, into one static archive. Later workers map it instead of doing
 * that work again, which is most of a small JVM's start. (A static archive, not a dynamic one: only
 * a static one keeps the JDK's archived module graph and heap objects, and those need G1.)
 *
 * <p>The archive lies beside the app's jar with a key file that names the java, the command and the
 * size and date of every file on its class path. A worker uses it only while the key still fits; a
 * rebuilt jar, another JDK or another class path simply start without it.
 */
public final class WorkerArchive {
  static final String FILE_NAME = "worker.jsa";
  private static final String KEY_SUFFIX = ".key";
  private static volatile Cached cached;

  private record Cached(List<String> base, Optional<String> flag) {}

  private WorkerArchive() {}

  /** The JVM option that maps the archive, when there is one made for this command. */
  static Optional<String> flagFor(List<String> base) {
    Cached known = cached;
    if (known != null && known.base().equals(base)) {
      return known.flag();
    }
    Optional<String> flag = location().filter(archive -> fits(archive, base)).map(archive -> "-XX:SharedArchiveFile=" + archive);
    cached = new Cached(List.copyOf(base), flag);
    return flag;
  }

  private static boolean fits(Path archive, List<String> base) {
    try {
      Path keyFile = keyFile(archive);
      return Files.isRegularFile(archive) && Files.isRegularFile(keyFile) && Files.readString(keyFile).equals(key(base));
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code worker.jsa} beside the jar (or classes folder) this class was loaded from. */
  static Optional<Path> location() {
    try {
      Path code = Path.of(WorkerArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Optional.ofNullable(code.toAbsolutePath().getParent()).map(dir -> dir.resolve(FILE_NAME));
    } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Path keyFile(Path archive) {
    return archive.resolveSibling(archive.getFileName() + KEY_SUFFIX);
  }

  /** What the archive was made for: the JVM, the command, and every class-path file's size and date. */
  static String key(List<String> base) throws IOException {
    StringBuilder key = new StringBuilder();
    key.append(System.getProperty("java.vm.version")).append('\n');
    base.forEach(part -> key.append(part).append('\n'));
    int cp = base.indexOf("-cp");
    for (Path file : classPathFiles(base.get(cp + 1))) {
      key.append(file).append(' ');
      if (Files.exists(file)) {
        key.append(Files.size(file)).append(' ').append(Files.getLastModifiedTime(file).toMillis());
      }
      key.append('\n');
    }
    return key.toString();
  }

  /** The class path's entries and the jars their manifests add, as the JVM checks them. */
  private static List<Path> classPathFiles(String classPath) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      Path path = Path.of(entry);
      files.add(path);
      if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
        try (JarFile jar = new JarFile(path.toFile())) {
          Manifest manifest = jar.getManifest();
          String extra = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
          if (extra != null) {
            for (String relative : extra.trim().split("\\s+")) {
              files.add(path.resolveSibling(relative).normalize());
            }
          }
        }
      }
    }
    return files;
  }

  /**
   * Makes the archive with a training run of one worker; run by the build after the jar is packaged
   * ({@code java -cp target/concurrency-lab.jar concurrencylab.runtime.WorkerArchive}). A failure
   * only means workers start without it, so it is reported and the build goes on.
   */
  public static void main(String[] args) throws InterruptedException {
    Optional<Path> location = args.length > 0 ? Optional.of(Path.of(args[0]).toAbsolutePath()) : location();
    if (location.isEmpty()) {
      System.err.println("worker archive: no place for it next to the app's classes; workers start without one");
      return;
    }
    try {
      make(location.get());
      System.out.println("worker archive: " + location.get());
    } catch (IOException | RuntimeException e) {
      System.err.println("worker archive not made (" + e + "); workers start without one");
    }
  }

  static void make(Path archive) throws IOException, InterruptedException {
    Files.deleteIfExists(archive);
    Files.deleteIfExists(keyFile(archive));
    List<String> base = WorkerCommand.base();
    Path classList = archive.resolveSibling(archive.getFileName() + ".classes");
    try {
      List<String> training = new ArrayList<>(base);
      training.add(1, "-XX:DumpLoadedClassList=" + classList);
      train(training);
      int cp = base.indexOf("-cp");
      List<String> dump = new ArrayList<>(base.subList(0, cp));
      dump.remove("-Xshare:auto");
      dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive));
      dump.addAll(base.subList(cp, cp + 2));
      Process dumper = endAfter(new ProcessBuilder(dump).redirectErrorStream(true).start(), 120);
      String output = new String(dumper.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!dumper.waitFor(120, TimeUnit.SECONDS) || dumper.exitValue() != 0 || !Files.isRegularFile(archive)) {
        dumper.destroyForcibly();
        throw new IOException("the JVM wrote no archive: " + output.strip());
      }
    } finally {
      Files.deleteIfExists(classList);
    }
    Files.writeString(keyFile(archive), key(base));
  }

  /** Runs one worker through start, a task and exit, as the app will. */
  private static void train(List<String> base) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(base);
    command.add(Long.toString(System.nanoTime()));
    Process worker = endAfter(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start(), 60);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        OutputStream in = worker.getOutputStream()) {
      awaitLine(out, LineProtocol.Verb.READY);
      in.write((LineProtocol.run(1, Warmup.class.getName(), List.of("warm-up")) + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      awaitLine(out, LineProtocol.Verb.END);
    }
    if (!worker.waitFor(60, TimeUnit.SECONDS)) {
      worker.destroyForcibly();
      throw new IOException("the training worker did not exit");
    }
  }

  /** Ends the process if it still runs after {@code seconds}, so a hung JVM cannot hang the build. */
  private static Process endAfter(Process process, long seconds) {
    CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS).execute(() -> {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    });
    return process;
  }

  private static void awaitLine(BufferedReader out, LineProtocol.Verb verb) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      LineProtocol.Message message = LineProtocol.parse(line);
      if (message != null && (message.verb() == verb || message.verb() == LineProtocol.Verb.FAIL)) {
        return;
      }
    }
    throw new IOException("the training worker ended before " + verb);
  }

  /** The training task: prints, sleeps and asks for its pid, as lesson tasks do. */
  public static final class Warmup implements WorkerTask {
    @Override
    public void run(List<String> args, WorkerContext context) throws InterruptedException {
      System.out.println(args.get(0) + " in process " + context.pid() + " of " + context.parentPid());
      context.sleep(1);
      System.out.println("done");
    }
  }
}
