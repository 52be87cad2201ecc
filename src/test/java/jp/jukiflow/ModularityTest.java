package jp.jukiflow;

import org.junit.jupiter.api.Test;
import jp.jukiflow.support.NoTestClasses;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each top-level package is a module; others use only its top-level public types. Writes the diagram to docs/. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(JukiflowApplication.class, new NoTestClasses());

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
