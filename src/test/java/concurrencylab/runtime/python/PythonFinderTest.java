package concurrencylab.runtime.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Python: only an interpreter that ran and said 3.8 or newer counts; otherwise a reason. */
class PythonFinderTest {
  @TempDir Path dir;

  private Path fakePython(String prints) throws Exception {
    Path file = dir.resolve("python");
    Files.writeString(file, "#!/bin/sh\necho '" + prints + "'\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  @Test
  void theInterpreterOnPathIsCheckedByRunningIt() {
    PythonFinder.Result result = PythonFinder.find();
    org.junit.jupiter.api.Assumptions.assumeTrue(result instanceof PythonFinder.Found, () -> "no Python >= 3.8 here: " + result);
    PythonFinder.Found found = (PythonFinder.Found) result;
    assertThat(found.version()).matches("3\\.(8|9|\\d\\d)\\.\\d+.*");
    assertThat(Files.isExecutable(found.executable())).isTrue();
    assertThat(PythonFinder.check(found.executable())).isEqualTo(found);
  }

  @Test
  void anOldPythonOrSomethingElseIsNotFoundWithItsReason() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"));
    assertThat(PythonFinder.find(Optional.of(fakePython("2.7.18")))).isInstanceOfSatisfying(PythonFinder.NotFound.class,
        none -> assertThat(none.reason()).contains("is Python 2.7.18, older than 3.8"));
    assertThat(PythonFinder.find(Optional.of(fakePython("hello")))).isInstanceOfSatisfying(PythonFinder.NotFound.class,
        none -> assertThat(none.reason()).contains("printed no version"));
    assertThat(PythonFinder.find(Optional.of(dir.resolve("missing")))).isInstanceOfSatisfying(PythonFinder.NotFound.class,
        none -> assertThat(none.reason()).contains("is not an executable file"));
  }
}
