package jp.jukiflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.importer.ImportOption;
import jp.jukiflow.support.NoTestClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Conventions of docs/architecture.md that the compiler does not check. */
@AnalyzeClasses(packages = "jp.jukiflow", importOptions = {ImportOption.DoNotIncludeTests.class, NoTestClasses.class})
class ArchitectureTest {

    /** Every rule takes "today" from the injected Clock, so tests and demos can run "as of" any day. */
    @ArchTest
    static final ArchRule timeComesFromTheInjectedClock = noClasses()
            .should().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(Instant.class, "now")
            .because("every rule takes today's date from the injected Clock");

    /** The law lives in plain Java: the domain rules know nothing of the engine, Spring or the database. */
    @ArchTest
    static final ArchRule lawIsPlainJava = noClasses()
            .that().haveSimpleNameStartingWith("BusinessCalendar")
            .or().haveSimpleNameStartingWith("JapaneseHolidays")
            .or().haveSimpleNameStartingWith("CardValidity")
            .or().haveSimpleNameStartingWith("PinPolicy")
            .or().haveSimpleNameStartingWith("PinVerifier")
            .or().haveSimpleName("ResidentCode")
            .or().haveSimpleName("MyNumber")
            .or().haveSimpleName("LocalGovernmentCode")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.springframework..", "java.sql..",
                    "jakarta..");

    /** The PIN travels only as a hash: nothing logs through a PIN-handling class. */
    @ArchTest
    static final ArchRule pinClassesDoNotLog = noClasses()
            .that().haveSimpleNameStartingWith("Pin")
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "java.util.logging..");
}
