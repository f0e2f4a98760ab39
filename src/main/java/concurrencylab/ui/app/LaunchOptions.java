package concurrencylab.ui.app;

import concurrencylab.ui.look.Theme;
import concurrencylab.ui.text.I18n;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the window was asked to start, already checked by the launcher's command line: JavaFX is
 * never started for options it would then refuse.
 *
 * @param tourFolder where a tour writes its screenshots; null for the ordinary window
 * @param onlyLesson the one tab a tour visits, by lesson id; null for every tab
 * @param theme the looks to start with; null for the remembered ones
 * @param presentationScale presentation mode at this scale (1.0 to 2.5); null for as remembered
 * @param language the language to start with, one of {@link I18n#LANGUAGES}; null for the remembered
 * @param firstFrameProbe print the time of the first frame and end (the start-up benchmark's flag)
 * @param lectureScenario the tour writes the hard cases of a lecture ({@link LectureTour}), not one shot per tab
 */
public record LaunchOptions(
    Path tourFolder, String onlyLesson, Theme theme, Double presentationScale, Locale language, boolean firstFrameProbe,
    boolean lectureScenario) {
  public LaunchOptions(Path tourFolder, String onlyLesson, Theme theme, Double presentationScale, Locale language, boolean firstFrameProbe) {
    this(tourFolder, onlyLesson, theme, presentationScale, language, firstFrameProbe, false);
  }

  public static final double MIN_SCALE = 1.0;
  public static final double MAX_SCALE = 2.5;

  public LaunchOptions {
    if (onlyLesson != null && tourFolder == null) {
      throw new IllegalArgumentException("only a tour visits one tab");
    }
    if (presentationScale != null && !(presentationScale >= MIN_SCALE && presentationScale <= MAX_SCALE)) {
      throw new IllegalArgumentException("presentation scale " + presentationScale + " is outside " + MIN_SCALE + "–" + MAX_SCALE);
    }
    if (lectureScenario && tourFolder == null) {
      throw new IllegalArgumentException("only a tour has a scenario");
    }
    if (language != null && !I18n.LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("no texts in " + language);
    }
  }

  /** The ordinary window, as remembered. */
  public static LaunchOptions window() {
    return new LaunchOptions(null, null, null, null, null, false);
  }

  public boolean touring() {
    return tourFolder != null;
  }
}
