package concurrencylab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What the figures of one bench run were measured on: the date, the cores, and how busy the
 * machine was (the load average from {@code /proc/loadavg}, 1, 5 and 15 minutes), since other load
 * moves every wall time even when the ratios hold.
 */
record Machine(LocalDate date, int cores, String loadAverage, String java, String os) {
  static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");
  static final String UNKNOWN = "unknown";

  static Machine now() {
    return new Machine(LocalDate.now(), Runtime.getRuntime().availableProcessors(), currentLoadAverage(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"));
  }

  /** The first three fields of {@code /proc/loadavg}, e.g. {@code 0.21 1.24 1.70}; "unknown" without it. */
  static String currentLoadAverage() {
    try {
      String[] fields = Files.readString(LOAD_AVERAGE).trim().split("\\s+");
      return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : UNKNOWN;
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  String header() {
    return "# Concurrency Lab bench, " + date + ", " + cores + " cores, load average " + loadAverage + " (1, 5, 15 min), " + java + ", " + os;
  }
}
