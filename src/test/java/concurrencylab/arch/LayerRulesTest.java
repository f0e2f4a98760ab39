package concurrencylab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import concurrencylab.runtime.RunScope;
import concurrencylab.runtime.WorkerProcess;
import concurrencylab.runtime.WorkerTask;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: ui → lesson → runtime → trace, and export → trace; the headless
 * recorder (record) sits on top of lesson, export and ui, and only the launcher knows it. Also
 * what the layers do not do: end the JVM, print to standard streams, change case by the locale.
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

  /** A class deep inside that ends the JVM ends it without the launcher's cleanup and status. */
  @Test
  void onlyTheLauncherEndsTheJvm() {
    noClasses().that().doNotHaveFullyQualifiedName("concurrencylab.Main")
        .should().callMethod(System.class, "exit", int.class)
        .orShould().callMethod(Runtime.class, "exit", int.class)
        .because("commands return their exit status to Main")
        .check(CLASSES);
  }

  /**
   * Standard output and error belong to the command lines and to the workers, whose stdout is
   * their protocol and whose tasks print onto their lanes (as the Python examples print); the
   * window writes to its log instead.
   */
  @Test
  void onlyCommandsAndWorkersWriteToStandardStreams() {
    DescribedPredicate<JavaClass> commandsAndWorkers =
        DescribedPredicate.describe("a command line, a worker or a worker's task", type ->
            type.getFullName().equals("concurrencylab.Main")
                || type.getPackageName().startsWith("concurrencylab.cli")
                || type.getPackageName().startsWith("concurrencylab.record")
                || type.getPackageName().startsWith("concurrencylab.bench")
                || type.getFullName().equals("concurrencylab.runtime.WorkerMain")
                || type.getFullName().equals("concurrencylab.runtime.WorkerArchive")
                || type.isAssignableTo(WorkerTask.class));
    noClasses().that(DescribedPredicate.not(commandsAndWorkers).and(DescribedPredicate.not(nestedIn(commandsAndWorkers))))
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .check(CLASSES);
  }

  /** A class or one nested in (or anonymous inside) a class that {@code outer} accepts. */
  private static DescribedPredicate<JavaClass> nestedIn(DescribedPredicate<JavaClass> outer) {
    return DescribedPredicate.describe("nested in " + outer.getDescription(), type ->
        type.getEnclosingClass().map(enclosing -> outer.test(enclosing) || nestedIn(outer).test(enclosing)).orElse(false));
  }

  /** The default locale turns "TITLE" into "tıtle" under Turkish; names and keys must not change with it. */
  @Test
  void caseIsChangedOnlyWithAnExplicitLocale() {
    noClasses()
        .should().callMethod(String.class, "toLowerCase")
        .orShould().callMethod(String.class, "toUpperCase")
        .because("without a Locale the result depends on the user's language; use Locale.ROOT")
        .check(CLASSES);
  }

  /**
   * A thread started from a constructor may run before the constructor has finished, and see the
   * object half-built: the pool's workers call their listener on their reader threads at once.
   */
  @Test
  void noConstructorStartsAThreadOrAWorkerProcess() {
    DescribedPredicate<JavaMethodCall> startsFromAConstructor =
        DescribedPredicate.describe(
            "a constructor starting a thread or a worker process",
            call -> call.getOrigin() instanceof JavaConstructor
                && (call.getTarget().getName().equals("start") && call.getTargetOwner().isAssignableTo(Thread.class)
                    || call.getTarget().getName().equals("spawn") && call.getTargetOwner().isEquivalentTo(RunScope.class)
                    || call.getTarget().getName().equals("start") && call.getTargetOwner().isEquivalentTo(WorkerProcess.class)));
    noClasses().should().callMethodWhere(startsFromAConstructor).check(CLASSES);
  }

  /** Jackson's data binding is a test-scope library: the app writes and reads JSON by streaming. */
  @Test
  void mainCodeStreamsJsonWithoutDataBinding() {
    noClasses().should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..").check(CLASSES);
  }

  @Test
  void exportDependsOnlyOnTheTrace() {
    noClasses().that().resideInAPackage("concurrencylab.export..")
        .should().dependOnClassesThat().resideInAnyPackage("concurrencylab.runtime..", "concurrencylab.lesson..", "concurrencylab.ui..")
        .check(CLASSES);
  }

  /**
   * The shell knows lessons only through the contract: a lesson's own package (lesson.fork,
   * lesson.lock, …) is named in ui only by the view registry and by the views it registers.
   */
  @Test
  void uiNamesALessonsOwnClassesOnlyThroughTheViewRegistry() {
    DescribedPredicate<JavaClass> aLessonsOwnPackage = new DescribedPredicate<>("in a lesson's own package") {
      @Override
      public boolean test(JavaClass type) {
        return type.getPackageName().startsWith("concurrencylab.lesson.");
      }
    };
    DescribedPredicate<JavaClass> registryOrView = new DescribedPredicate<>("the view registry or a registered view") {
      @Override
      public boolean test(JavaClass type) {
        JavaClass top = type;
        while (top.getEnclosingClass().isPresent()) {
          top = top.getEnclosingClass().get();
        }
        return top.getName().equals("concurrencylab.ui.lessonview.LessonViews") || top.isAssignableTo("concurrencylab.ui.lessonview.LessonStage");
      }
    };
    noClasses().that().resideInAPackage("concurrencylab.ui..").and(DescribedPredicate.not(registryOrView))
        .should().dependOnClassesThat(aLessonsOwnPackage)
        .check(CLASSES);
  }

  /** The UI's rooms: its texts and its looks are used by every other room and use none of them. */
  @Test
  void uiTextsAndLooksStandOnTheirOwn() {
    noClasses().that().resideInAnyPackage("concurrencylab.ui.text..", "concurrencylab.ui.look..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "concurrencylab.ui", "concurrencylab.ui.app..", "concurrencylab.ui.tab..", "concurrencylab.ui.lessonview..", "concurrencylab.ui.timeline..")
        .check(CLASSES);
  }
}
