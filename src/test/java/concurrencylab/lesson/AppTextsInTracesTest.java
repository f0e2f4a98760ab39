package concurrencylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.trace.AppText;
import concurrencylab.trace.EventKind;
import concurrencylab.trace.Lane;
import concurrencylab.trace.LaneTrack;
import concurrencylab.trace.Trace;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The app's own words in a trace are keys with arguments, never English sentences for the UI to
 * parse back: every mark and end a lesson records is an {@link AppText} whose key both languages
 * have, or a mark that names code (close(), join(), apply_async ×5).
 */
class AppTextsInTracesTest {
  @Test
  void anAppTextKeepsItsKeyAndItsArgumentsWithTheirTypes() {
    AppText.Keyed keyed = AppText.parse(AppText.of("mark.allDone", 4.25, 7L, "12345"));
    assertThat(keyed.key()).isEqualTo("mark.allDone");
    assertThat(keyed.args()).containsExactly(4.25, 7L, "12345");
    assertThat(AppText.parse("all done: 4.25 s")).isNull();
    assertThat(AppText.parse("")).isNull();
  }

  @Test
  void everyMarkAndEndOfEveryLessonIsAKeyOfBothLanguagesOrNamesCode() throws Exception {
    Properties english = load("messages.properties");
    Properties chinese = load("messages_zh_CN.properties");
    for (Lesson lesson : LessonRegistry.createAll()) {
      LessonDrive.shorten(lesson, 1);
      LessonDrive.Ended ended = LessonDrive.run(lesson);
      Trace trace = ended.trace();
      int checked = 0;
      for (Lane lane : trace.lanes()) {
        LaneTrack track = trace.store().track(lane.id());
        for (int i = 0; i < track.size(); i++) {
          if (track.kind(i) != EventKind.MARKER && track.kind(i) != EventKind.END) {
            continue;
          }
          String text = track.text(i);
          AppText.Keyed keyed = AppText.parse(text);
          if (keyed == null) {
            assertThat(text).as("%s: a plain mark on %s", lesson.id(), lane.name()).matches("[a-z_]+\\(\\)|apply_async ×\\d+");
          } else {
            assertThat(english).as("%s: English %s", lesson.id(), keyed.key()).containsKey(keyed.key());
            assertThat(chinese).as("%s: Chinese %s", lesson.id(), keyed.key()).containsKey(keyed.key());
          }
          checked++;
        }
      }
      assertThat(checked).as("%s: marks and ends checked", lesson.id()).isGreaterThanOrEqualTo(2);
    }
  }

  private static Properties load(String file) throws Exception {
    Properties properties = new Properties();
    try (var in = AppTextsInTracesTest.class.getResourceAsStream("/concurrencylab/i18n/" + file)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
