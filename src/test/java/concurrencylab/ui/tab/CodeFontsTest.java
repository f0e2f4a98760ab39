package concurrencylab.ui.tab;

import concurrencylab.ui.app.HeadlessFxForTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chinese gets a face that has its glyphs: the first installed of the lists, and only in Chinese. */
class CodeFontsTest {
  @BeforeAll
  static void fx() throws Exception {
    HeadlessFxForTests.start();
  }

  @Test
  void theFirstInstalledFamilyOfTheListIsTaken() {
    String installed = Font.getFamilies().get(0);
    assertThat(CodeFonts.firstInstalled(List.of("No Such Family", installed), "System")).isEqualTo(installed);
    assertThat(CodeFonts.firstInstalled(List.of("No Such Family"), "System")).isEqualTo("System");
  }

  @Test
  void inChineseTheWindowTakesAChineseFaceAndInEnglishItsOwn() {
    assumeTrue(Font.getFamilies().stream().anyMatch(CodeFonts.UI_FAMILIES::contains), "no CJK font on this machine");
    assertThat(CodeFonts.uiStylesheet(Locale.ENGLISH)).isNull();
    String sheet = CodeFonts.uiStylesheet(Locale.SIMPLIFIED_CHINESE);
    String css = new String(Base64.getDecoder().decode(sheet.substring(sheet.indexOf(',') + 1)), StandardCharsets.UTF_8);
    assertThat(css).isEqualTo(".root { -fx-font-family: \"" + CodeFonts.uiFamily() + "\"; }");
    assertThat(CodeFonts.UI_FAMILIES).contains(CodeFonts.uiFamily());
    assertThat(CodeFonts.CODE_FAMILIES.subList(0, 6)).as("a monospace face with Han glyphs").contains(CodeFonts.codeFamily());
  }
}
