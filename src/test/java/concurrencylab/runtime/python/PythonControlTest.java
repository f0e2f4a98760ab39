package concurrencylab.runtime.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control file as the tracer reads it: byte 0 the flags, byte 1 the steps taken (modulo 256),
 * bytes 4–7 the slow-motion step, little-endian. Read back from the file itself, as another
 * process maps it.
 */
class PythonControlTest {
  @TempDir Path dir;

  @Test
  void flagsStepsAndSlowMotionLandWhereTheTracerLooks() throws Exception {
    PythonControl control = PythonControl.create(dir, true, 300);
    byte[] bytes = file();
    assertThat(bytes).hasSize(PythonControl.SIZE);
    assertThat(bytes[0]).isEqualTo(PythonControl.LINES);
    assertThat(bytes[PythonControl.STEPS]).isZero();
    assertThat(bytes[4] & 0xff | (bytes[5] & 0xff) << 8).isEqualTo(300);

    control.setPaused(true);
    control.step();
    control.step();
    bytes = file();
    assertThat(bytes[0]).as("paused, lines still on").isEqualTo((byte) (PythonControl.PAUSED | PythonControl.LINES));
    assertThat(bytes[PythonControl.STEPS]).isEqualTo((byte) 2);
    assertThat(control.steps()).isEqualTo(2);
    assertThat(bytes[4] & 0xff | (bytes[5] & 0xff) << 8).as("a step leaves slow motion alone").isEqualTo(300);
  }

  @Test
  void theStepCountWrapsInItsOneByte() throws Exception {
    PythonControl control = PythonControl.create(dir, false, 0);
    for (int i = 0; i < 257; i++) {
      control.step();
    }
    assertThat(control.steps()).isEqualTo(1);
    byte[] bytes = file();
    assertThat(bytes[PythonControl.STEPS]).isEqualTo((byte) 1);
    assertThat(bytes[0]).as("the flags are untouched").isZero();
    assertThat(bytes[2]).isZero();
    assertThat(bytes[3]).isZero();
  }

  private byte[] file() throws Exception {
    return Files.readAllBytes(dir.resolve(PythonControl.FILE));
  }
}
