package concurrencylab.ui.look;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The base theme leaves out the rules of the controls in {@link UnusedControls}: so the app must
 * not use them (checked here on its classes; {@code UnusedControlsCensusTest} checks the window's
 * nodes), and the trim must leave every other rule as it was.
 */
class UnusedControlsTest {

  @Test
  void theAppUsesNoneOfTheControlsWhoseRulesTheBaseThemeLeavesOut() {
    DescribedPredicate<JavaClass> unused = DescribedPredicate.describe(
        "a control whose rules the base theme leaves out (UnusedControls: take it out of the list to use it)",
        type -> UnusedControls.ALL.stream().anyMatch(control -> type.isAssignableTo(control.control())));
    noClasses().should().dependOnClassesThat(unused)
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("concurrencylab"));
  }

  @Test
  void ownsTheControlsClassesAndThoseBeginningWithAStarredOne() {
    assertThat(UnusedControls.owns("table-view")).isTrue();
    assertThat(UnusedControls.owns("table-row-cell")).isTrue();
    assertThat(UnusedControls.owns("chart-pie")).isTrue();
    assertThat(UnusedControls.owns("spinner")).isTrue();
    // classes of the controls the app does show, some of them sharing a start with an unused one's
    for (String used : new String[] {"button", "label", "text", "tab", "tab-pane", "list-view", "list-cell", "slider", "axis",
        "scroll-bar", "increment-arrow", "combo", "menu-button", "popover", "progress-bar", "choice-box", "tooltip", "root"}) {
      assertThat(UnusedControls.owns(used)).as(used).isFalse();
    }
  }

  @Test
  void aTrimLeavesOutTheSelectorsNamingAClassAndKeepsTheRestAsWritten() {
    String css = """
        /* a comment, with .table-view in it */
        .root { -color-fg-default: #000000; }
        .table-view .label, .tab-pane .label:selected { -fx-text-fill: red; }
        .table-view > .column-header { -fx-padding: 0; }
        .button { -fx-graphic: url("data:image/png;base64,AAAA/*x*/"); }
        """;
    String trimmed = StylesheetTrim.without(css, UnusedControls::owns);
    assertThat(trimmed).isEqualTo("""
        .root { -color-fg-default: #000000; }
        .tab-pane .label:selected { -fx-text-fill: red; }
        .button { -fx-graphic: url("data:image/png;base64,AAAA/*x*/"); }
        """);
  }

  @Test
  void aTrimStopsAtWhatItDoesNotKnowRatherThanCutItWrongly() {
    assertThatThrownBy(() -> StylesheetTrim.without("@media screen { .a { } }", c -> false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StylesheetTrim.without(".a { -fx-b: c; } .d", c -> false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StylesheetTrim.without(".a:is(.b, .c) { }", c -> false)).isInstanceOf(IllegalArgumentException.class);
    assertThat(StylesheetTrim.without(".a:dir(rtl), .b { -fx-c: d; }", c -> c.equals("b"))).isEqualTo(".a:dir(rtl) { -fx-c: d; }\n");
  }
}
