package concurrencylab.ui.look;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.ui.look.BinaryStylesheets.Sheet;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.css.CompoundSelector;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.ParsedValue;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.StyleConverter;
import javafx.css.Stylesheet;
import javafx.css.converter.EnumConverter;
import javafx.css.converter.URLConverter;
import org.junit.jupiter.api.Test;

/**
 * The binary stylesheets the build makes are their texts, rule for rule: the same selectors in
 * the same order, each with the same declarations, values and converters; the base theme's without
 * the selectors of the controls the app never shows ({@link UnusedControls}), found here apart
 * from the build's own trim, in the parsed stylesheet. And the themes use them, so a build that
 * stopped making them (or a theme given a new stylesheet without one) fails here.
 */
class BinaryStylesheetsTest {

  @Test
  void everyBinaryStylesheetHoldsItsTextsRulesRuleForRule() throws Exception {
    for (Sheet sheet : BinaryStylesheets.SHEETS) {
      URL binaryUrl = BinaryStylesheets.class.getResource(sheet.binary());
      assertThat(binaryUrl).as("the build's binary form of " + sheet.text()).isNotNull();
      Stylesheet text = new CssParser().parse(BinaryStylesheets.textUrl(sheet));
      Stylesheet binary = Stylesheet.loadBinary(binaryUrl);
      Predicate<Selector> kept = sheet.withoutUnusedControls() ? selector -> !ofUnusedControl(selector) : selector -> true;
      assertThat(describe(binary, s -> true)).as(sheet.binary() + " against " + sheet.text()).isEqualTo(describe(text, kept));
      assertThat(text.getRules()).as(sheet.text() + " has rules").isNotEmpty();
    }
  }

  @Test
  void theBaseThemeLeavesOutOnlyTheUnusedControlsSelectorsAndKeepsItsColours() throws Exception {
    for (Sheet sheet : BinaryStylesheets.SHEETS.stream().filter(Sheet::withoutUnusedControls).toList()) {
      Stylesheet text = new CssParser().parse(BinaryStylesheets.textUrl(sheet));
      Stylesheet binary = Stylesheet.loadBinary(BinaryStylesheets.class.getResource(sheet.binary()));
      long selectors = text.getRules().stream().mapToLong(rule -> rule.getSelectors().size()).sum();
      long left = binary.getRules().stream().mapToLong(rule -> rule.getSelectors().size()).sum();
      assertThat(left).as(sheet.binary() + ": some left out, most kept").isLessThan(selectors).isGreaterThan(selectors / 3);
      // the looked-up colours every control and our stylesheets use
      assertThat(describe(binary, s -> true).stream().filter(rule -> rule.startsWith("*.root, {")).toList())
          .isEqualTo(describe(text, s -> true).stream().filter(rule -> rule.startsWith("*.root, {")).toList())
          .isNotEmpty();
    }
  }

  @Test
  void theContrastThemeHoldsTheDarkThemesRulesItImports() throws Exception {
    Sheet dark = BinaryStylesheets.SHEETS.stream().filter(s -> s.text().equals("dark.css")).findFirst().orElseThrow();
    Sheet contrast = BinaryStylesheets.SHEETS.stream().filter(s -> s.text().equals("contrast.css")).findFirst().orElseThrow();
    List<String> darkRules = describe(Stylesheet.loadBinary(BinaryStylesheets.class.getResource(dark.binary())), s -> true);
    List<String> contrastRules = describe(Stylesheet.loadBinary(BinaryStylesheets.class.getResource(contrast.binary())), s -> true);
    assertThat(contrastRules).containsSubsequence(darkRules);
    assertThat(contrastRules.size()).isGreaterThan(darkRules.size());
  }

  @Test
  void everyThemeUsesTheBinaryForms() {
    for (Theme theme : Theme.values()) {
      assertThat(theme.userAgentStylesheet()).as(theme + "'s base theme").endsWith(".bss");
      assertThat(theme.stylesheet()).as(theme + "'s colours").endsWith(".bss");
    }
    assertThat(Theme.commonStylesheet()).endsWith(".bss");
  }

  /** Whether any part of {@code selector} names a style class of a control the app never shows. */
  private static boolean ofUnusedControl(Selector selector) {
    List<SimpleSelector> parts = selector instanceof CompoundSelector compound ? compound.getSelectors() : List.of((SimpleSelector) selector);
    return parts.stream().flatMap(part -> part.getStyleClasses().stream()).anyMatch(UnusedControls::owns);
  }

  /**
   * One line per rule with a selector {@code kept}: those selectors, then each declaration with its
   * value as a tree.
   */
  private static List<String> describe(Stylesheet stylesheet, Predicate<Selector> kept) {
    List<String> rules = new ArrayList<>();
    for (Rule rule : stylesheet.getRules()) {
      List<Selector> selectors = rule.getSelectors().stream().filter(kept).toList();
      if (selectors.isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (Selector selector : selectors) {
        line.append(selector).append(", ");
      }
      line.append("{ ");
      for (Declaration declaration : rule.getDeclarations()) {
        line.append(declaration.getProperty()).append(": ");
        value(line, declaration.getParsedValue());
        line.append(declaration.isImportant() ? " !important; " : "; ");
      }
      rules.add(line.append('}').toString());
    }
    rules.add("font faces: " + stylesheet.getFontFaces().size());
    return rules;
  }

  private static void value(StringBuilder out, Object value) {
    if (value instanceof ParsedValue<?, ?> parsed) {
      StyleConverter<?, ?> converter = parsed.getConverter();
      out.append(converter == null ? "-" : converter.getClass().getSimpleName());
      if (converter instanceof EnumConverter<?>) {
        out.append(converter); // it names the enum
      }
      out.append(parsed.isLookup() ? " lookup" : "").append(parsed.isContainsLookups() ? " has-lookups" : "").append('(');
      if (converter instanceof URLConverter && parsed.getValue() instanceof ParsedValue<?, ?>[] url) {
        // [the URL as written, the stylesheet's own location]: the second is where each copy was
        // loaded from, which differs; our sheets have only absolute and data URLs, as checked
        String written = String.valueOf(url[0].getValue());
        assertThat(written).as("a URL in a stylesheet").matches("(data:|/).*");
        out.append(written);
      } else {
        value(out, parsed.getValue());
      }
      out.append(')');
    } else if (value instanceof Object[] values) {
      out.append('[');
      for (Object element : values) {
        value(out, element);
        out.append(' ');
      }
      out.append(']');
    } else {
      out.append(value == null ? "null" : value.getClass().getSimpleName() + ":" + value);
    }
  }
}
