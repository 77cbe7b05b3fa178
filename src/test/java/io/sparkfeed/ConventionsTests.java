package io.sparkfeed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

/** The code conventions of docs/architecture.md that Spring Modulith does not check. */
@AnalyzeClasses(packages = "io.sparkfeed", importOptions = ImportOption.DoNotIncludeTests.class)
class ConventionsTests {

    @ArchTest
    static final ArchRule controllersLiveInWebAndArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(ControllerAdvice.class)
            .should()
            .resideInAPackage("..web..")
            .andShould()
            .notBePublic();

    @ArchTest
    static final ArchRule webTalksToServicesNotToTheDatabase = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(JdbcClient.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(JdbcTemplate.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(EntityManager.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Repository.class);

    @ArchTest
    static final ArchRule repositoriesArePrivateToTheirModule = classes()
            .that()
            .areInterfaces()
            .and()
            .areAssignableTo(Repository.class)
            .should()
            .notBePublic();

    @ArchTest
    static final ArchRule aFindOneReturnsOptional = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAssignableTo(Repository.class)
            .and()
            .haveNameStartingWith("find")
            .should(returnAnOptionalOrACollection());

    @ArchTest
    static final ArchRule constructorInjectionOnly = noFields().should().beAnnotatedWith(Autowired.class);

    private static ArchCondition<JavaMethod> returnAnOptionalOrACollection() {
        DescribedPredicate<JavaClass> allowed = DescribedPredicate.describe(
                "Optional or a collection",
                type -> type.isAssignableTo(Optional.class)
                        || type.isAssignableTo(Collection.class)
                        || type.isAssignableTo(Stream.class)
                        || type.isAssignableTo(Iterable.class));
        return new ArchCondition<>("return an Optional or a collection") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean ok = allowed.test(method.getRawReturnType())
                        || method.getModifiers().contains(JavaModifier.SYNTHETIC);
                events.add(new SimpleConditionEvent(
                        method,
                        ok,
                        method.getFullName() + " returns "
                                + method.getRawReturnType().getName()));
            }
        };
    }
}
