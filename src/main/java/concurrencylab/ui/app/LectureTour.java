package concurrencylab.ui.app;

import concurrencylab.ui.look.Theme;
import concurrencylab.ui.tab.LayoutFocus;
import concurrencylab.ui.tab.LessonTab;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.RangeParameter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * {@code --tour DIR --scenario lecture}: the hard cases a lecture meets, one screenshot each:
 * every tab with its counts at their maxima (times kept short, so the tour ends), mid-run, paused,
 * after the run and in code focus; presentation at 150 % and 250 %; Chinese; dark and high
 * contrast; and, where a Python was found, each chapter tab run in Python, in English and in
 * Chinese on the dark theme. Each shot is {@code DIR/<tab>-<case>.png}.
 */
final class LectureTour extends ScreenshotTour {
  private static final long RUN_LIMIT_NANOS = 120_000_000_000L;
  /** Half a second after the moment: the lock stage's chips take about that to glide to their places. */
  private static final int SETTLE_FRAMES = 30;

  /** When a shot is taken: this long after Run, holding the run paused, or after the run. */
  private enum Moment {
    MID_RUN,
    PAUSED,
    AFTER
  }

  /** One screenshot: a tab, how the window looks, whether the counts are at their maxima, and when. */
  private record Shot(String tab, String name, boolean maxed, Moment moment, LayoutFocus focus, Theme theme, double scale, Locale locale, boolean python) {
    Shot(String tab, String name, boolean maxed, Moment moment, LayoutFocus focus, Theme theme, double scale, Locale locale) {
      this(tab, name, maxed, moment, focus, theme, scale, locale, false);
    }
  }

  private final Deque<Shot> shots = new ArrayDeque<>();
  private Shot shot;
  private LessonTab tab;
  private long startedAt;
  private int settle;
  private boolean taken;
  private int failures;

  LectureTour(LabWindow window, Path folder, String only, PrintStream out, PrintStream err) {
    super(window, folder, out, err);
    List<Shot> all = new ArrayList<>();
    for (LessonTab each : window.lessonTabs()) {
      String id = each.lesson().id();
      all.add(new Shot(id, "max-after", true, Moment.AFTER, LayoutFocus.BOTH, Theme.LIGHT, 1, Locale.ENGLISH));
      all.add(new Shot(id, "max-midrun", true, Moment.MID_RUN, LayoutFocus.BOTH, Theme.LIGHT, 1, Locale.ENGLISH));
      if (each.lesson().canPause()) {
        all.add(new Shot(id, "max-paused", true, Moment.PAUSED, LayoutFocus.BOTH, Theme.LIGHT, 1, Locale.ENGLISH));
      }
      all.add(new Shot(id, "code", false, Moment.AFTER, LayoutFocus.CODE, Theme.LIGHT, 1, Locale.ENGLISH));
      all.add(new Shot(id, "zh", false, Moment.AFTER, LayoutFocus.BOTH, Theme.LIGHT, 1, Locale.SIMPLIFIED_CHINESE));
      all.add(new Shot(id, "present150", false, Moment.AFTER, LayoutFocus.BOTH, Theme.LIGHT, 1.5, Locale.ENGLISH));
      all.add(new Shot(id, "present250-timeline", true, Moment.AFTER, LayoutFocus.TIMELINE, Theme.LIGHT, 2.5, Locale.ENGLISH));
      all.add(new Shot(id, "present200-both", true, Moment.AFTER, LayoutFocus.BOTH, Theme.LIGHT, 2.0, Locale.ENGLISH));
      all.add(new Shot(id, "present200-code", false, Moment.AFTER, LayoutFocus.CODE, Theme.LIGHT, 2.0, Locale.ENGLISH));
      all.add(new Shot(id, "dark", false, Moment.AFTER, LayoutFocus.BOTH, Theme.DARK, 1, Locale.ENGLISH));
      all.add(new Shot(id, "contrast-zh", true, Moment.AFTER, LayoutFocus.BOTH, Theme.HIGH_CONTRAST, 1, Locale.SIMPLIFIED_CHINESE));
    }
    for (LessonTab each : window.lessonTabs()) { // last: by then the window has found its Python
      String id = each.lesson().id();
      all.add(new Shot(id, "python", false, Moment.AFTER, LayoutFocus.BOTH, Theme.LIGHT, 1, Locale.ENGLISH, true));
      all.add(new Shot(id, "python-dark-zh", false, Moment.AFTER, LayoutFocus.BOTH, Theme.DARK, 1, Locale.SIMPLIFIED_CHINESE, true));
    }
    all.stream().filter(s -> only == null || s.tab().equals(only)).forEach(shots::add);
  }


  @Override
  void step(long now, AnimationTimer timer) {
    if (shot == null) {
      if (tab != null && tab.runningProperty().get()) {
        return; // the last shot's run is still ending
      }
      if (shots.isEmpty()) {
        timer.stop();
        finish(failures == 0 ? 0 : 1, failures == 0 ? "lecture tour written to " + folder.toAbsolutePath() : failures + " shots failed");
        return;
      }
      begin(shots.poll(), now);
      return;
    }
    boolean running = tab.runningProperty().get();
    long elapsed = now - startedAt;
    if (elapsed > RUN_LIMIT_NANOS) {
      err.println("shot " + fileName() + ": the run did not end in time");
      failures++;
      tab.stop();
      shot = null;
      return;
    }
    boolean due = switch (shot.moment()) {
      case AFTER -> !running;
      case MID_RUN -> !running || elapsed > 1_500_000_000L;
      case PAUSED -> !running || elapsed > 600_000_000L; // the maxed thread lessons end after about a second
    };
    if (!due) {
      return;
    }
    if (shot.moment() == Moment.PAUSED && running && !tab.isPaused()) {
      tab.setPaused(true);
      settle = SETTLE_FRAMES * 3;
      return;
    }
    if (settle-- > 0) {
      return;
    }
    take();
    if (tab.runningProperty().get()) {
      tab.setPaused(false);
      tab.stop();
    }
    shot = null;
  }

  private void begin(Shot next, long now) {
    shot = next;
    window.themeProperty().set(next.theme());
    window.i18n().localeProperty().set(next.locale());
    window.presentationScaleProperty().set(Math.max(1.0, next.scale()));
    window.presentingProperty().set(next.scale() > 1);
    window.focusProperty().set(next.focus());
    tab = window.lessonTabs().stream().filter(t -> t.lesson().id().equals(next.tab())).findFirst().orElseThrow();
    window.select(tab);
    if (!chooseRuntime(tab, next.python())) {
      out.println("shot " + fileName() + " skipped: this tab cannot run its Python here");
      shot = null;
      return;
    }
    setParameters(tab, next.maxed());
    tab.run();
    startedAt = now;
    settle = SETTLE_FRAMES;
  }

  /** Counts at their maxima, times short (so that a lecture's worst case still ends); else the defaults of a run. */
  private static void setParameters(LessonTab tab, boolean maxed) {
    for (LessonParameter parameter : tab.lesson().parameters()) {
      if (parameter instanceof IntParameter p) {
        boolean time = p.key().endsWith("Millis");
        boolean slowMotion = p.key().equals("stepMillis"); // a pause per step of every thread: kept at 1 ms
        if (maxed) {
          p.set(slowMotion ? Math.max(p.min(), 1) : time ? Math.min(p.max(), Math.max(p.min(), 200)) : p.max());
        }
      } else if (parameter instanceof RangeParameter p && maxed) {
        p.low().set(p.min());
        p.high().set(Math.min(p.max(), p.min() + 0.5));
      }
    }
  }

  /** Clicks Java or Python on the tab, as a lecturer would; false when the one asked for cannot be chosen. */
  private static boolean chooseRuntime(LessonTab tab, boolean python) {
    javafx.scene.Node found = tab.getContent() == null ? null : tab.getContent().lookup(python ? "#runtime-python" : "#runtime-java");
    if (!(found instanceof javafx.scene.control.ToggleButton button) || button.isDisabled()) {
      return !python;
    }
    if (!button.isSelected()) {
      button.fire();
    }
    return true;
  }

  private String fileName() {
    return shot.tab() + "-" + shot.name() + ".png";
  }

  private void take() {
    Path file = folder.resolve(fileName());
    try {
      snapshot(window, file);
      out.println("wrote " + file);
    } catch (IOException e) {
      err.println("could not write " + file + ": " + e.getMessage());
      failures++;
    }
  }

}
