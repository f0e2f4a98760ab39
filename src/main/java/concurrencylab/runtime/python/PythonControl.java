package concurrencylab.runtime.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The app's side of a Python run's control channel: a small file in the run's folder that every
 * process of the run maps (the tracer reads it in its hooks; see {@code _concurrencylab_tracer.py}).
 * Byte 0 holds the flags, byte 1 counts the steps taken while paused (modulo 256), bytes 4–7 hold
 * the slow-motion step in milliseconds. A store here is seen by every process at its next hook (a
 * held thread looks every 20 ms): no message to send, nothing to block on.
 */
public final class PythonControl {
  static final String FILE = "control";
  static final int SIZE = 16;
  static final byte PAUSED = 1;
  static final byte LINES = 2;
  static final int STEPS = 1;

  private final MappedByteBuffer map;
  private byte flags;

  private PythonControl(MappedByteBuffer map) {
    this.map = map;
  }

  /** Creates the control file of the run folder {@code runDir}: not paused, no lines, no step. */
  static PythonControl create(Path runDir, boolean lines, long stepMillis) {
    try (FileChannel channel = FileChannel.open(runDir.resolve(FILE),
        StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
      map.order(ByteOrder.LITTLE_ENDIAN);
      PythonControl control = new PythonControl(map);
      control.setStepMillis(stepMillis);
      control.setLines(lines);
      return control;
    } catch (IOException e) {
      throw new UncheckedIOException("could not make the Python run's control file", e);
    }
  }

  /** Holds every thread of the run at its next hook (or traced line), or lets them go on. */
  public synchronized void setPaused(boolean paused) {
    set(PAUSED, paused);
  }

  public synchronized boolean isPaused() {
    return (flags & PAUSED) != 0;
  }

  /**
   * One step while paused: every thread held now goes on to its next hook (or, with lines, its
   * next line of the script) and is held there again. A held thread notes the count when it
   * stops and goes on when the count differs; one byte, so that it is read whole.
   */
  public synchronized void step() {
    map.put(STEPS, (byte) (map.get(STEPS) + 1));
  }

  /** The steps taken so far, modulo 256. */
  public synchronized int steps() {
    return Byte.toUnsignedInt(map.get(STEPS));
  }

  /** Whether every thread reports each line of the script it runs (the code panel's marks). */
  public synchronized void setLines(boolean lines) {
    set(LINES, lines);
  }

  public synchronized boolean lines() {
    return (flags & LINES) != 0;
  }

  /** A pause of {@code millis} after each traced line: slow motion (0 for none). */
  public synchronized void setStepMillis(long millis) {
    map.putInt(4, (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis)));
  }

  public synchronized long stepMillis() {
    return Integer.toUnsignedLong(map.getInt(4));
  }

  private void set(byte flag, boolean on) {
    flags = (byte) (on ? flags | flag : flags & ~flag);
    map.put(0, flags); // one byte: a process reads the old flags or the new, never a mix
  }
}
