package io.keyturn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.keyturn.database.RetriedOnConflict;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.transaction.Transactional;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked on the compiled classes: components depend one way (a lower
 * one tells a higher one through CDI events), control and entity classes know nothing of boundaries or JAX-RS.
 */
class ArchitectureTest {

    /** Every component, lowest first: each may use only those before it. The root package is the composition root. */
    static final List<String> BOTTOM_UP = List.of("database", "problems", "configuration", "json", "audit", "tokens",
            "callers", "throttling", "users", "sessions", "security", "oauth");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.keyturn");
    }

    @Test
    void noTwoComponentsDependOnEachOther() {
        slices().matching("io.keyturn.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachComponentUsesOnlyTheComponentsBelowIt() {
        for (int i = 0; i < BOTTOM_UP.size(); i++) {
            String[] higher = BOTTOM_UP.subList(i + 1, BOTTOM_UP.size()).stream()
                    .map(component -> "io.keyturn." + component + "..").toArray(String[]::new);
            if (higher.length > 0) {
                noClasses().that().resideInAPackage("io.keyturn." + BOTTOM_UP.get(i) + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(higher)
                        .because(BOTTOM_UP.get(i) + " is below " + String.join(", ", Arrays.asList(higher))
                                + " (docs/architecture.md); tell a higher component through a CDI event")
                        .check(classes);
            }
        }
    }

    @Test
    void controlClassesDoNotUseBoundaryClasses() {
        noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..").check(classes);
    }

    @Test
    void entitiesDoNotUseControlOrBoundaryClasses() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..").check(classes);
    }

    @Test
    void onlyBoundariesSpeakJaxRs() {
        noClasses().that().resideInAnyPackage("..control..", "..entity..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .because("a control or entity class answers with Keyturn's types (ProblemException, ProblemType); "
                        + "the boundary turns them into HTTP")
                .check(classes);
    }

    /**
     * A class-level {@code @Produces} also binds the methods that answer 204 without a body, and Jersey then refuses
     * with 406 a caller whose {@code Accept} names only {@code application/problem+json}, which is what a client
     * generated from the OpenAPI document sends for such an operation: the action was not carried out. Each method
     * that answers with a body says what it produces.
     */
    @Test
    void resourcesDeclareWhatTheyProducePerMethod() {
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().beAnnotatedWith(jakarta.ws.rs.Produces.class)
                .because("a class-level @Produces makes its 204 operations refuse Accept: application/problem+json")
                .check(classes);
    }

    @Test
    void theListAboveNamesEveryComponentAndEachSaysWhatItOwns() {
        File root = new File("src/main/java/io/keyturn");
        Set<String> components = Arrays.stream(root.listFiles(File::isDirectory)).map(File::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(BOTTOM_UP), components, "components on disk vs BOTTOM_UP");
        for (String component : components) {
            assertTrue(new File(root, component + "/package-info.java").isFile(),
                    component + " has no package-info.java saying what it owns");
        }
    }

    /**
     * A transaction that lost a write conflict on a Galera cluster can only be run again from its start, by an
     * interceptor outside it (database.ConflictRetryInterceptor). So transactions begin only at {@code @Transactional}
     * methods of beans that carry {@code @RetriedOnConflict}, and never at an EJB boundary, inside which no CDI
     * interceptor can run the whole transaction again.
     */
    @Test
    void noEjbBeginsATransaction() {
        classes().that().areAnnotatedWith(Stateless.class).or().areAnnotatedWith(Singleton.class)
                .should().beAnnotatedWith(TransactionAttribute.class).andShould(
                        new ArchCondition<JavaClass>(
                                "begin no transaction (NOT_SUPPORTED)") {
                            @Override
                            public void check(JavaClass ejb,
                                    ConditionEvents events) {
                                boolean notSupported = ejb.tryGetAnnotationOfType(TransactionAttribute.class)
                                        .map(a -> a.value() == TransactionAttributeType.NOT_SUPPORTED).orElse(false);
                                events.add(new SimpleConditionEvent(ejb, notSupported,
                                        ejb.getName() + " is not NOT_SUPPORTED"));
                            }
                        })
                .check(classes);
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Stateless.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(Singleton.class)
                .should().notBeAnnotatedWith(TransactionAttribute.class).check(classes);
    }

    @Test
    void everyTransactionalBeanIsRetriedOnConflict() {
        classes().that().areAnnotatedWith(Transactional.class)
                .should().beAnnotatedWith(RetriedOnConflict.class).allowEmptyShould(true).check(classes);
        methods().that().areAnnotatedWith(Transactional.class)
                .should().beDeclaredInClassesThat().areAnnotatedWith(RetriedOnConflict.class).check(classes);
    }
}
