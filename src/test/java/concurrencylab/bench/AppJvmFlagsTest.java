package concurrencylab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bench starts the app with the launcher's JVM flags, read from the launcher's own file. */
class AppJvmFlagsTest {
  @Test
  void theFlagsAreTheLaunchersXxOptionsNotItsPropertiesOrComments() {
    String launcherArgs = String.join("\n",
        "# a comment with --java-options -XX:+NotThis",
        "--main-class concurrencylab.Main",
        "--java-options -Dconcurrencylab.logToStateDir=true",
        "--java-options -XX:MaxHeapFreeRatio=20",
        "  --java-options   -XX:+UseG1GC  ");
    assertThat(AppJvmFlags.parse(launcherArgs)).containsExactly("-XX:MaxHeapFreeRatio=20", "-XX:+UseG1GC");
  }

  @Test
  void theBuildCopiesThePackagingFileItself() throws Exception {
    String packaging = Files.readString(Path.of("packaging/jpackage/launcher.args"));
    assertThat(AppJvmFlags.list()).isNotEmpty().isEqualTo(AppJvmFlags.parse(packaging));
  }
}
