package jp.jukiflow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.jukiflow.support.NoTestClasses;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module; others use only its top-level public types. Also writes the Modulith
 * documentation (PlantUML diagrams and module canvases) under {@code target/modulith-docs}, so that a test run changes
 * no tracked file.
 *
 * <p>Publishing to {@code docs/modules/} happens only on purpose, after a change of the modules:
 * <pre>./mvnw -o test -Dtest=ModularityTest -Djukiflow.modules.publish=true</pre>
 * copies the written files there (removing the ones of modules that are gone, keeping {@code README.md}) and renders
 * the component diagram to {@code docs/modules/components.svg} with PlantUML's own layout engine (Smetana), so no
 * Graphviz is needed.
 */
class ModularityTest {

    static final String PUBLISH_PROPERTY = "jukiflow.modules.publish";
    private static final Path WRITTEN = Path.of("target", "modulith-docs");
    private static final Path PUBLISHED = Path.of("docs", "modules");

    private final ApplicationModules modules = ApplicationModules.of(JukiflowApplication.class, new NoTestClasses());

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(WRITTEN.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(WRITTEN.resolve("components.puml")).isRegularFile();
        if (Boolean.getBoolean(PUBLISH_PROPERTY)) {
            publish();
        }
    }

    private static void publish() throws IOException {
        Files.createDirectories(PUBLISHED);
        Set<String> written = fileNames(WRITTEN);
        for (String stale : fileNames(PUBLISHED)) {
            if (isGenerated(stale) && !written.contains(stale)) {
                Files.delete(PUBLISHED.resolve(stale));
            }
        }
        for (String name : written) {
            if (name.endsWith(".puml")) {
                Files.write(PUBLISHED.resolve(name), relationsInOrder(Files.readAllLines(WRITTEN.resolve(name))));
            } else {
                Files.copy(WRITTEN.resolve(name), PUBLISHED.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        renderSvg(PUBLISHED.resolve("components.puml"), PUBLISHED.resolve("components.svg"));
    }

    /**
     * The diagram with each run of {@code Rel(...)} lines sorted: Modulith writes the relations in an order that changes
     * from run to run, and a published diagram should change only when the modules do.
     */
    static List<String> relationsInOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            out.addAll(relations);
            relations.clear();
            out.add(line);
        }
        relations.sort(null);
        out.addAll(relations);
        return out;
    }

    /** The files this test writes: the diagrams and canvases, not the folder's README nor the rendered picture. */
    private static boolean isGenerated(String name) {
        return name.endsWith(".puml") || name.endsWith(".adoc");
    }

    private static Set<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Renders a PlantUML file to SVG with the Smetana layout (PlantUML's Java port of Graphviz dot). */
    static void renderSvg(Path puml, Path svg) throws IOException {
        List<String> lines = Files.readAllLines(puml);
        StringBuilder source = new StringBuilder();
        for (String line : lines) {
            source.append(line).append('\n');
            if (line.strip().startsWith("@startuml")) {
                source.append("!pragma layout smetana\n");
            }
        }
        try (OutputStream out = Files.newOutputStream(svg)) {
            new SourceStringReader(source.toString()).outputImage(out, new FileFormatOption(FileFormat.SVG));
        }
        String rendered = Files.readString(svg);
        assertThat(rendered).as("rendered %s", svg).contains("<svg").doesNotContain("Syntax Error", "Cannot find");
    }
}
