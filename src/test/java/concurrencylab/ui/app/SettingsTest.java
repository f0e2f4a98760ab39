package concurrencylab.ui.app;

import concurrencylab.ui.look.Theme;
import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.runtime.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the app remembers: saved later and once for a burst of changes, and replaced whole. */
class SettingsTest {
  @TempDir Path folder;

  private Path file() {
    return folder.resolve("settings.properties");
  }

  @Test
  void aBurstOfChangesIsSavedOnceLaterNotOnEveryTick() throws Exception {
    Settings settings = new Settings(folder, Duration.ofHours(1));
    for (int tick = 0; tick <= 150; tick++) {
      settings.setPresentationScale(1.0 + tick / 100.0); // a slider dragged from 100 % to 250 %
    }
    settings.setTheme(Theme.DARK);

    assertThat(file()).as("nothing written while the changes go on").doesNotExist();
    assertThat(settings.presentationScale()).as("but known at once").isEqualTo(2.5);

    settings.flush().get(10, TimeUnit.SECONDS);
    Settings reread = new Settings(folder);
    assertThat(reread.presentationScale()).isEqualTo(2.5);
    assertThat(reread.theme()).isEqualTo(Theme.DARK);

    Settings quick = new Settings(folder, Duration.ofMillis(20));
    quick.setLocale(Locale.SIMPLIFIED_CHINESE);
    Await.until(Duration.ofSeconds(10), () -> new Settings(folder).locale().equals(Locale.SIMPLIFIED_CHINESE), "saved with no flush");
  }

  /**
   * Written in place, the file is empty or half written between the truncation and the last
   * byte: a crash then, or the app's next start reading it, loses every setting. A save that
   * moves a complete new file into place gives the path a new file, and leaves nothing behind.
   */
  @Test
  void aSaveReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
    Settings settings = new Settings(folder, Duration.ofHours(1));
    settings.setTheme(Theme.DARK);
    settings.flush().get(10, TimeUnit.SECONDS);
    Object before = Files.readAttributes(file(), BasicFileAttributes.class).fileKey();
    // keep the old file alive under another name, so that its inode cannot be reused by the new one
    Files.createLink(folder.resolve("old-settings"), file());

    settings.setTheme(Theme.HIGH_CONTRAST);
    settings.flush().get(10, TimeUnit.SECONDS);

    Object after = Files.readAttributes(file(), BasicFileAttributes.class).fileKey();
    assertThat(before).as("the file system names its files").isNotNull();
    assertThat(after).as("a new file, not the old one rewritten").isNotEqualTo(before);
    assertThat(new Settings(folder).theme()).isEqualTo(Theme.HIGH_CONTRAST);
    assertThat(Files.readString(folder.resolve("old-settings"))).as("the old file untouched").contains("theme=DARK");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("settings.properties", "old-settings");
    }
    settings.close();
  }
}
