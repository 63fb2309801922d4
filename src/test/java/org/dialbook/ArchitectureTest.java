package org.dialbook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.dialbook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiTouchesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.dialbook.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine (api, sandbox, importer, credentials) must run in the CLI, in tests and on a "
                    + "server without a display; the composition root hands its services to ui, which alone knows JavaFX");

    @ArchTest
    static final ArchRule apiDependsOnNothingElseOfOurs = noClasses()
            .that().resideInAPackage("org.dialbook.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.dialbook.app..", "org.dialbook.ui..", "org.dialbook.importer..",
                    "org.dialbook.credentials..", "org.dialbook.sandbox..")
            .because("the client is the innermost layer; everything else builds on it, never the other way");

    @ArchTest
    static final ArchRule engineNeverReachesUp = noClasses()
            .that().resideInAnyPackage("org.dialbook.importer..", "org.dialbook.credentials..",
                    "org.dialbook.sandbox..", "org.dialbook.exporter..", "org.dialbook.mirror..")
            .should().dependOnClassesThat().resideInAnyPackage("org.dialbook.ui..", "org.dialbook.app..")
            .allowEmptyShould(true)
            .because("dependencies point inward: ui uses the engine and app wires it, never the reverse");

    @ArchTest
    static final ArchRule viewModelsStayOffTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .allowEmptyShould(true)
            .because("ViewModels are tested without the FX thread and must not know about nodes or controls");

    @ArchTest
    static final ArchRule uiFeaturesHaveNoCycles = slices().matching("org.dialbook.ui.(*)..")
            .should().beFreeOfCycles()
            .because("a ui feature that reaches back into whoever mounts it cannot be changed or tested alone; "
                    + "the wiring lives in ui.desktop, which nothing else in ui depends on");

    @ArchTest
    static final ArchRule uiRootHoldsOnlyContracts = noClasses()
            .that().resideInAPackage("org.dialbook.ui")
            .should().dependOnClassesThat().resideInAnyPackage("org.dialbook.ui.*..")
            .because("org.dialbook.ui holds the contracts every feature shares (ActiveConnection, ImportHandler...); "
                    + "if it reached into a feature, that feature and the shell would form a cycle through it");
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("org.dialbook.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle makes two features one: neither can be read, tested or changed alone, and the layering "
                    + "in docs/ARCHITECTURE.md (contact and files at the bottom, app on top) stops being true");

    @ArchTest
    static final ArchRule contactRulesStandAlone = noClasses()
            .that().resideInAnyPackage("org.dialbook.contact..", "org.dialbook.files..")
            .should().dependOnClassesThat().resideInAnyPackage("org.dialbook.api..", "org.dialbook.app..",
                    "org.dialbook.ui..", "org.dialbook.importer..", "org.dialbook.exporter..",
                    "org.dialbook.credentials..", "org.dialbook.sandbox..")
            .because("the rules of what a contact is and how a file is written are the bottom layer that every "
                    + "feature calls; if they reached up, a second copy would soon be written to avoid the cycle");

    @ArchTest
    static final ArchRule importerAndExporterAreSiblings = noClasses()
            .that().resideInAPackage("org.dialbook.importer..")
            .should().dependOnClassesThat().resideInAPackage("org.dialbook.exporter..")
            .because("what both need (the CSV columns, the formula guard, the custom value codec) lives in "
                    + "org.dialbook.contact; the import must not depend on the export to read its own files");
}
