package concurrencylab.lesson;

import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneKind;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import java.util.List;
import java.util.Optional;

/** What a lesson reads from a drained Python run's trace for its verdict. */
public final class PythonRunFacts {
  /** multiprocessing's name for the script's own first process. */
  static final String MAIN_PROCESS = "MainProcess";

  private PythonRunFacts() {}

  /** The lane of the script's own first process. */
  public static Optional<Lane> mainProcess(Trace drained) {
    return drained.lanes().stream().filter(lane -> lane.kind() == LaneKind.PROCESS && lane.name().equals(MAIN_PROCESS)).findFirst();
  }

  /** The lanes of kind {@code kind} that {@code parent} started: its threads, or its child processes. */
  public static List<Lane> startedBy(Trace drained, Lane parent, LaneKind kind) {
    return drained.lanes().stream().filter(lane -> lane.kind() == kind && lane.parentId() == parent.id()).toList();
  }

  /** When {@code lane} first printed the line {@code text}; empty if it never did. */
  public static Optional<Long> printed(Trace drained, Lane lane, String text) {
    LaneTrack track = drained.store().track(lane.id());
    for (int i = 0; i < track.size(); i++) {
      if (track.kind(i) == EventKind.PRINT && track.text(i).equals(text)) {
        return Optional.of(track.time(i));
      }
    }
    return Optional.empty();
  }
}
