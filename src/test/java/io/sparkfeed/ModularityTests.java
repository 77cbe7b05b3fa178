package io.sparkfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries of docs/architecture.md true (no cycles, no module reaching into another's
 * internals), and keeps the module diagram in docs/ the one Spring Modulith draws from the code.
 */
class ModularityTests {

    private static final Path COMMITTED_DIAGRAM = Path.of("docs", "modules.puml");

    private final ApplicationModules modules = ApplicationModules.of(SparkfeedApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theCommittedModuleDiagramIsCurrent() throws IOException {
        var output = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        var drawn = Files.readString(output.resolve("components.puml"));
        var committed = Files.exists(COMMITTED_DIAGRAM) ? Files.readString(COMMITTED_DIAGRAM) : "";
        // the order of the lines follows class scanning, which is no part of the diagram
        if (!sameLines(drawn, committed)) {
            Files.createDirectories(COMMITTED_DIAGRAM.getParent());
            Files.writeString(COMMITTED_DIAGRAM, drawn);
        }
        assertThat(sameLines(drawn, committed))
                .as(
                        "the modules changed: %s was redrawn from the code; commit it (and update docs/architecture.md)",
                        COMMITTED_DIAGRAM)
                .isTrue();
    }

    private static boolean sameLines(String a, String b) {
        return a.lines().sorted().toList().equals(b.lines().sorted().toList());
    }
}
