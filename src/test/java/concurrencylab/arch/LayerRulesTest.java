package concurrencylab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: ui → lesson → runtime → trace, and export → trace; the headless
 * recorder (record) sits on top of lesson, export and ui, and only the launcher knows it.
 */
class LayerRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("concurrencylab");

  @Test
  void traceDependsOnNothingOfOursAndNoJavaFx() {
    noClasses().that().resideInAPackage("concurrencylab.trace..")
        .should().dependOnClassesThat().resideInAnyPackage("concurrencylab.runtime..", "concurrencylab.lesson..", "concurrencylab.ui..", "concurrencylab.export..", "javafx..")
        .check(CLASSES);
  }

  @Test
  void runtimeKnowsNoLessonNorUi() {
    noClasses().that().resideInAPackage("concurrencylab.runtime..")
        .should().dependOnClassesThat().resideInAnyPackage("concurrencylab.lesson..", "concurrencylab.ui..", "concurrencylab.export..", "javafx..")
        .check(CLASSES);
  }

  @Test
  void lessonsKnowNoUi() {
    noClasses().that().resideInAPackage("concurrencylab.lesson..")
        .should().dependOnClassesThat().resideInAnyPackage("concurrencylab.ui..", "concurrencylab.export..", "javafx.scene..")
        .check(CLASSES);
  }

  /** A lesson reaches the UI thread only through the runtime's UiThread, which the UI provides. */
  @Test
  void lessonsDoNotDriveTheFxThreadThemselves() {
    noClasses().that().resideInAPackage("concurrencylab.lesson..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx.application..", "javafx.animation..")
        .check(CLASSES);
  }

  @Test
  void nothingBelowTheRecorderDependsOnIt() {
    noClasses().that().resideInAnyPackage("concurrencylab.trace..", "concurrencylab.runtime..", "concurrencylab.lesson..", "concurrencylab.ui..", "concurrencylab.export..")
        .should().dependOnClassesThat().resideInAPackage("concurrencylab.record..")
        .check(CLASSES);
  }

  @Test
  void exportDependsOnlyOnTheTrace() {
    noClasses().that().resideInAPackage("concurrencylab.export..")
        .should().dependOnClassesThat().resideInAnyPackage("concurrencylab.runtime..", "concurrencylab.lesson..", "concurrencylab.ui..")
        .check(CLASSES);
  }
}
