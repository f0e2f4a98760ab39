package concurrencylab.lesson;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A control of a lesson, as a property the UI binds to. The label is the bundle key {@code
 * param.<key>}; choice labels are {@code param.<key>.<constant>}.
 */
public sealed interface LessonParameter {
  String key();

  /** The properties that hold its value, to follow it as it moves. */
  List<javafx.beans.Observable> observables();

  /** Whether only the lesson's Python uses it (a Java run ignores it, and the tab says so). */
  default boolean pythonOnly() {
    return false;
  }

  /** A whole number from a slider. {@code noneValue}, when in range, is shown as "none". */
  record IntParameter(String key, int min, int max, IntegerProperty value, int noneValue)
      implements LessonParameter {
    public IntParameter(String key, int min, int max, int initial) {
      this(key, min, max, new SimpleIntegerProperty(initial), Integer.MIN_VALUE);
    }

    public IntParameter withNone(int none) {
      return new IntParameter(key, min, max, value, none);
    }

    @Override
    public List<javafx.beans.Observable> observables() {
      return List.of(value);
    }

    public int get() {
      return value.get();
    }

    public void set(int v) {
      value.set(Math.max(min, Math.min(max, v)));
    }
  }

  /** A range of seconds from a two-thumb slider. */
  record RangeParameter(String key, double min, double max, DoubleProperty low, DoubleProperty high)
      implements LessonParameter {
    public RangeParameter(String key, double min, double max, double low, double high) {
      this(key, min, max, new SimpleDoubleProperty(low), new SimpleDoubleProperty(high));
    }

    @Override
    public List<javafx.beans.Observable> observables() {
      return List.of(low, high);
    }
  }

  /** One of a few named options; {@code pythonOnly} when only the lesson's Python uses it. */
  record ChoiceParameter<E extends Enum<E>>(String key, List<E> options, ObjectProperty<E> value, boolean pythonOnly)
      implements LessonParameter {
    public ChoiceParameter {
      if (options.isEmpty() || !options.contains(value.get())) {
        throw new IllegalArgumentException(key + ": the initial choice must be one of the options");
      }
      options = List.copyOf(options);
    }

    public ChoiceParameter(String key, E initial) {
      this(key, List.of(initial.getDeclaringClass().getEnumConstants()), new SimpleObjectProperty<>(initial), false);
    }

    /** A choice among {@code options} that only the Python script uses. */
    public static <E extends Enum<E>> ChoiceParameter<E> forPython(String key, List<E> options, E initial) {
      return new ChoiceParameter<>(key, options, new SimpleObjectProperty<>(initial), true);
    }

    @Override
    public List<javafx.beans.Observable> observables() {
      return List.of(value);
    }

    public E get() {
      return value.get();
    }
  }

  /** The seed of the run's random numbers, so that a run can be repeated exactly. */
  record SeedParameter(String key, LongProperty value) implements LessonParameter {
    public SeedParameter(long initial) {
      this("seed", new SimpleLongProperty(initial));
    }

    @Override
    public List<javafx.beans.Observable> observables() {
      return List.of(value);
    }

    public long get() {
      return value.get();
    }

    public void renew() {
      value.set(new java.util.Random().nextInt(1_000_000));
    }
  }
}
