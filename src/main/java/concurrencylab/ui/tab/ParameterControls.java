package concurrencylab.ui.tab;

import concurrencylab.ui.text.I18n;
import concurrencylab.lesson.Lesson;
import concurrencylab.lesson.LessonParameter;
import concurrencylab.lesson.LessonParameter.ChoiceParameter;
import concurrencylab.lesson.LessonParameter.IntParameter;
import concurrencylab.lesson.LessonParameter.RangeParameter;
import concurrencylab.lesson.LessonParameter.SeedParameter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.RangeSlider;

/** Builds the control for each lesson parameter and binds it to the parameter's property. */
final class ParameterControls {
  private ParameterControls() {}

  static Node create(Lesson lesson, LessonParameter parameter, I18n i18n) {
    Label caption = new Label();
    caption.textProperty().bind(i18n.text(lesson.parameterKey(parameter)));
    caption.getStyleClass().add("param-caption");
    Label value = new Label();
    value.getStyleClass().add("param-value");
    Node control;
    if (parameter instanceof IntParameter p) {
      control = intSlider(p, value, i18n);
    } else if (parameter instanceof RangeParameter p) {
      control = rangeSlider(p, value);
    } else if (parameter instanceof ChoiceParameter<?> p) {
      control = choice(p, lesson.parameterKey(p), i18n);
    } else {
      control = seed((SeedParameter) parameter, i18n);
    }
    // a long caption wraps (large type, narrow controls) rather than pushing the value out of view
    caption.setWrapText(true);
    caption.setMaxWidth(Double.MAX_VALUE);
    value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox.setHgrow(caption, Priority.ALWAYS);
    HBox header = new HBox(8, caption, value);
    VBox row = new VBox(4, header, control);
    row.getStyleClass().add("param-row");
    row.setId("param-" + parameter.key());
    return row;
  }

  private static Node intSlider(IntParameter p, Label value, I18n i18n) {
    Slider slider = new Slider(p.min(), p.max(), p.get());
    slider.setId("slider-" + p.key());
    slider.setMajorTickUnit(Math.max(1, (p.max() - p.min()) / 4));
    slider.setMinorTickCount(0);
    slider.setBlockIncrement(1);
    slider.setSnapToTicks(false);
    slider.valueProperty().addListener((obs, old, now) -> p.value().set((int) Math.round(now.doubleValue())));
    p.value().addListener((obs, old, now) -> slider.setValue(now.intValue()));
    value.textProperty().bind(Bindings.createStringBinding(
        () -> p.get() == p.noneValue()
            ? i18n.get("value.none")
            : java.text.NumberFormat.getIntegerInstance(i18n.localeProperty().get()).format(p.get()),
        p.value(), i18n.localeProperty()));
    return slider;
  }

  private static Node rangeSlider(RangeParameter p, Label value) {
    RangeSlider slider = new RangeSlider(p.min(), p.max(), p.low().get(), p.high().get());
    slider.setId("range-" + p.key());
    slider.getStyleClass().add("slider"); // the base theme's slider colours (see lab.css)
    slider.setMajorTickUnit(1);
    slider.setShowTickMarks(true);
    // the values are kept to the tenth of a second the label shows, so the run, its command
    // line and its script all use the number the lecturer saw
    slider.lowValueProperty().addListener((obs, old, now) -> p.low().set(tenths(now.doubleValue())));
    slider.highValueProperty().addListener((obs, old, now) -> p.high().set(tenths(now.doubleValue())));
    p.low().addListener((obs, old, now) -> slider.setLowValue(now.doubleValue()));
    p.high().addListener((obs, old, now) -> slider.setHighValue(now.doubleValue()));
    value.textProperty().bind(Bindings.createStringBinding(
        () -> String.format(Locale.ROOT, "%.1f – %.1f s", p.low().get(), p.high().get()), p.low(), p.high()));
    return slider;
  }

  private static <E extends Enum<E>> Node choice(ChoiceParameter<E> p, String labelKey, I18n i18n) {
    java.util.List<ToggleButton> buttons = new java.util.ArrayList<>();
    for (E option : p.options()) {
      ToggleButton button = new ToggleButton();
      button.setId("choice-" + p.key() + "-" + option.name());
      button.textProperty().bind(i18n.text(labelKey + "." + option.name()));
      button.setSelected(option == p.get());
      button.setOnAction(e -> {
        p.value().set(option);
        button.setSelected(true);
      });
      buttons.add(button);
    }
    p.value().addListener((obs, old, now) ->
        buttons.forEach(b -> b.setSelected(b.getId().endsWith("-" + now.name()))));
    return new ChoiceButtons(buttons);
  }

  private static Node seed(SeedParameter p, I18n i18n) {
    TextField field = new TextField(Long.toString(p.get()));
    field.setId("seed-field");
    field.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("\\d{0,12}") ? change : null));
    field.textProperty().addListener((obs, old, now) -> {
      if (!now.isEmpty()) {
        p.value().set(Long.parseLong(now));
      }
    });
    p.value().addListener((obs, old, now) -> field.setText(Long.toString(now.longValue())));
    Button renew = new Button();
    renew.setId("new-seed");
    renew.textProperty().bind(i18n.text("button.newSeed"));
    concurrencylab.ui.look.Icons.put(renew, concurrencylab.ui.look.Icons.NEW_SEED);
    renew.setOnAction(e -> p.renew());
    renew.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the field gives way, not the button's text
    HBox.setHgrow(field, Priority.ALWAYS);
    return new HBox(8, field, renew);
  }

  private static double tenths(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
