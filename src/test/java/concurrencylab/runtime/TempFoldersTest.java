package concurrencylab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder whose owner is gone is removed; folders of live owners and names not of ours stay. */
class TempFoldersTest {
  @TempDir
  Path root;

  @Test
  void onlyTheFoldersOfEndedOwnersAreRemoved() throws Exception {
    Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").start();
    assertThat(ended.waitFor(60, TimeUnit.SECONDS)).isTrue();
    long me = ProcessHandle.current().pid();
    long parent = ProcessHandle.current().parent().orElseThrow().pid();

    Path endedRun = Files.createDirectories(root.resolve("concurrencylab-" + ended.pid() + "-python-run-123"));
    Files.writeString(Files.createDirectories(endedRun.resolve("__pycache__")).resolve("x.pyc"), "compiled");
    Path endedTracer = Files.createDirectories(root.resolve("concurrencylab-" + ended.pid() + "-python-tracer-9"));
    Path mine = Files.createDirectories(root.resolve("concurrencylab-" + me + "-python-run-1"));
    Path parents = Files.createDirectories(root.resolve("concurrencylab-" + parent + "-lock-work-2"));
    Path notOurs = Files.createDirectories(root.resolve("concurrencylab-bench-settings-3"));
    Path aFile = Files.writeString(root.resolve("concurrencylab-" + ended.pid() + "-note"), "a file, not a folder");

    assertThat(TempFolders.removeLeftovers(root)).isEqualTo(2);
    assertThat(endedRun).doesNotExist();
    assertThat(endedTracer).doesNotExist();
    assertThat(mine).isDirectory();
    assertThat(parents).isDirectory();
    assertThat(notOurs).isDirectory();
    assertThat(aFile).isRegularFile();
  }

  @Test
  void theOwnerIsReadFromTheNameOnly() {
    assertThat(TempFolders.owner("concurrencylab-4242-python-run-77")).hasValue(4242);
    assertThat(TempFolders.owner("concurrencylab-bench-python-1")).isEmpty();
    assertThat(TempFolders.owner("concurrencylab--1")).isEmpty();
    assertThat(TempFolders.owner("concurrencylab-4242")).isEmpty();
    assertThat(TempFolders.owner("concurrency-lab-4242-x")).isEmpty();
    assertThat(TempFolders.owner("concurrencylab-99999999999999999999-x")).isEmpty();
  }

  @Test
  void aNewFolderIsNamedAfterThisApp() {
    Path made = TempFolders.create("python-run");
    try {
      assertThat(made).isDirectory();
      assertThat(TempFolders.owner(made.getFileName().toString())).hasValue(ProcessHandle.current().pid());
    } finally {
      TempFolders.delete(made);
    }
    assertThat(made).doesNotExist();
  }
}
