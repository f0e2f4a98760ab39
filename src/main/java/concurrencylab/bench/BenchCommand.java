package concurrencylab.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code bench [--quick] [--json FILE] [--installed DIR] [--only SECTION,…]}: measures the figures of the design's
 * performance targets and prints one line per figure, {@code name value unit}, with {@code PASS} or
 * {@code FAIL} and the target where the figure has one. Machines differ by 2× and more, so every
 * target is a ratio of two things measured side by side in the same run, or a count; the raw times
 * follow as lines without a target. Lines starting with {@code #} are notes; the first says the
 * date, the cores and the load average. {@code --json FILE} also writes it all for machines ({@link
 * BenchReport}). It is a measurement, not a test: it exits 0 whatever the figures, and 1 only when a
 * measurement could not be made.
 */
public final class BenchCommand {
  public static final String NAME = "bench";
  static final String QUICK = "--quick";
  static final String JSON = "--json";
  static final String INSTALLED = "--installed";
  static final String ONLY = "--only";
  private static final String USAGE = "usage: " + NAME + " [" + QUICK + "] [" + JSON + " FILE] [" + INSTALLED + " DIR] [" + ONLY + " SECTION,…]";

  /** How much each figure measures: the full bench, the quick one, or a smoke run for the tests. */
  record Plan(int eventsPerProducer, List<Long> frameSizes, int frames, int linesPerChild, int spawnRounds, int startRuns, long memoryEvents, int memoryRuns) {
    static Plan full() {
      return new Plan(100_000, List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L), 60, 1000, 9, 5, 1_000_000, 3);
    }

    static Plan quick() {
      return new Plan(20_000, List.of(10_000L, 1_000_000L), 20, 250, 3, 2, 1_000_000, 1);
    }

    static Plan smoke() {
      return new Plan(500, List.of(10_000L), 3, 20, 1, 1, 64_000, 1);
    }
  }

  private BenchCommand() {}

  public static int run(List<String> args, PrintStream out) throws Exception {
    return run(args, out, out);
  }

  /** Runs the command on the arguments after {@code bench}; returns the exit status (2: bad arguments). */
  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    CommandLine cli = new CommandLine(commandSpec());
    ParseResult parsed;
    try {
      parsed = cli.parseArgs(args.toArray(String[]::new));
    } catch (ParameterException e) {
      err.println(NAME + ": " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (parsed.isUsageHelpRequested()) {
      out.println(USAGE);
      out.println("  " + QUICK + "            fewer rounds of each measurement (about 40 s instead of 2 min)");
      out.println("  " + JSON + " FILE         also write the figures, targets and verdicts as JSON");
      out.println("  " + INSTALLED + " DIR     where the installed app is (default " + InstalledApp.STANDARD + ")");
      out.println("  " + ONLY + " SECTION,…  measure only the sections whose names contain one of these words: "
          + String.join(", ", SECTION_NAMES));
      return 0;
    }
    if (parsed.hasMatchedOption(MemoryFootprint.PROBE_FLAG)) {
      MemoryFootprint.probe(parsed.matchedOptionValue(MemoryFootprint.PROBE_FLAG, 0L));
      return 0;
    }
    if (parsed.hasMatchedOption(WorkerSpawn.PROBE_FLAG)) {
      WorkerSpawn.probe(parsed.matchedOptionValue(WorkerSpawn.PROBE_FLAG, 1), out);
      return 0;
    }
    Path installed = parsed.matchedOptionValue(INSTALLED, InstalledApp.STANDARD);
    Path json = parsed.matchedOptionValue(JSON, null);
    List<String> only = parsed.matchedOptionValue(ONLY, List.of());
    for (String word : only) {
      if (SECTION_NAMES.stream().noneMatch(name -> name.contains(word))) {
        err.println(NAME + ": no section's name contains '" + word + "'; the sections: " + String.join(", ", SECTION_NAMES));
        err.println(USAGE);
        return 2;
      }
    }
    return run(parsed.hasMatchedOption(QUICK) ? Plan.quick() : Plan.full(), installed, json, only, out);
  }

  private static CommandSpec commandSpec() {
    CommandSpec bench = CommandSpec.create().name(NAME);
    bench.addOption(OptionSpec.builder(QUICK).arity("0").type(boolean.class).build());
    bench.addOption(OptionSpec.builder(JSON).paramLabel("FILE").type(Path.class).build());
    bench.addOption(OptionSpec.builder(INSTALLED).paramLabel("DIR").type(Path.class).build());
    bench.addOption(OptionSpec.builder(ONLY).paramLabel("SECTION").type(List.class).auxiliaryTypes(String.class).splitRegex(",").build());
    // the memory figures measure runs in processes of their own, started with this option
    bench.addOption(OptionSpec.builder(MemoryFootprint.PROBE_FLAG).paramLabel("EVENTS").type(long.class).hidden(true).build());
    // the installed app's worker figures are measured by its own launcher, started with this option
    bench.addOption(OptionSpec.builder(WorkerSpawn.PROBE_FLAG).paramLabel("ROUNDS").type(int.class).hidden(true).build());
    bench.addOption(OptionSpec.builder("--help", "-h").usageHelp(true).arity("0").build());
    return bench;
  }

  static int run(Plan plan, PrintStream out) {
    return run(plan, InstalledApp.STANDARD, null, List.of(), out);
  }

  static int run(Plan plan, Path installedFolder, Path json, List<String> only, PrintStream out) {
    Machine machine = Machine.now();
    out.println(machine.header());
    List<String> notes = new ArrayList<>();
    List<String> allNotes = new ArrayList<>();
    List<Figure> all = new ArrayList<>();
    int errors = 0;
    Optional<InstalledApp> installed = InstalledApp.at(installedFolder, notes);
    List<Section> sections = List.of(
        new Section(SECTION_NAMES.get(0), () -> new RecordThroughput(plan.eventsPerProducer()).measure()),
        new Section(SECTION_NAMES.get(1), () -> {
          FrameCost frameCost = new FrameCost(plan.frames());
          List<Figure> measured = new ArrayList<>();
          for (long size : plan.frameSizes()) {
            measured.addAll(frameCost.measure(size));
          }
          // a lock handed down the lanes every 20 events: 50,000 links among the million events
          if (plan.frameSizes().contains(1_000_000L)) {
            measured.addAll(frameCost.measure(1_000_000, 20));
          }
          List<Figure> figures = new ArrayList<>(FrameCost.ratios(measured));
          figures.addAll(measured);
          return figures;
        }),
        new Section(SECTION_NAMES.get(2), () -> new PrintToPixelLatency(plan.linesPerChild()).measure()),
        new Section(SECTION_NAMES.get(3), () -> new WorkerSpawn(plan.spawnRounds()).measure(notes)),
        new Section(SECTION_NAMES.get(4), () -> installed.isEmpty() ? List.of() : new WorkerSpawn(plan.spawnRounds()).measureInstalled(installed.get(), notes)),
        new Section(SECTION_NAMES.get(5), () -> new StartToFirstFrame(plan.startRuns()).measure(notes)),
        new Section(SECTION_NAMES.get(6), () -> installed.isEmpty() ? List.of() : new StartToFirstFrame(plan.startRuns()).measureInstalled(installed.get(), notes)),
        new Section(SECTION_NAMES.get(7), () -> new MemoryFootprint(plan.memoryEvents(), plan.memoryRuns()).measure(notes)),
        new Section(SECTION_NAMES.get(8), () -> new PythonTracerOverhead(Math.max(1, plan.spawnRounds())).measure(notes)));
    for (Section section : sections) {
      if (!only.isEmpty() && only.stream().noneMatch(word -> section.name().contains(word))) {
        continue;
      }
      try {
        for (Figure figure : section.measure().call()) {
          out.println(figure.line());
          all.add(figure);
        }
      } catch (Exception e) {
        notes.add(section.name() + " could not be measured: " + e);
        errors++;
      }
      notes.forEach(note -> out.println("# " + note));
      allNotes.addAll(notes);
      notes.clear();
      out.flush();
    }
    long targets = all.stream().filter(Figure::hasTarget).count();
    long passed = all.stream().filter(Figure::hasTarget).filter(Figure::passes).count();
    String loadAfter = Machine.currentLoadAverage();
    out.println("# targets: " + passed + " of " + targets + " PASS; load average at the end " + loadAfter);
    if (json != null) {
      try (OutputStream file = Files.newOutputStream(json)) {
        BenchReport.write(file, machine, loadAfter, all, allNotes);
        out.println("# figures written to " + json);
      } catch (IOException e) {
        out.println("# the JSON could not be written to " + json + ": " + e.getMessage());
        errors++;
      }
    }
    return errors == 0 ? 0 : 1;
  }

  /** The sections in the order they are measured; {@code --only} picks among these names. */
  static final List<String> SECTION_NAMES = List.of("record throughput", "frame cost", "print to pixel",
      "worker spawn", "installed worker spawn", "start to first frame", "installed start to first frame", "memory",
      "python tracer overhead");

  private record Section(String name, Callable<List<Figure>> measure) {}
}
