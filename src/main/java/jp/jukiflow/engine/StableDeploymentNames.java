package jp.jukiflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/ and forms/ under their file names, whether they come from a folder ({@code spring-boot:run},
 * tests) or from the jar. Camunda's default names a file resource by its absolute path but a jar entry by its file
 * name, so {@code embedded:deployment:<file>} forms and duplicate filtering would depend on how the app was started.
 */
@Component
class StableDeploymentNames extends DefaultDeploymentConfiguration {

    @Override
    public Set<Resource> getDeploymentResources() {
        Set<Resource> named = new LinkedHashSet<>();
        for (Resource resource : super.getDeploymentResources()) {
            named.add(new NamedResource(read(resource), resource.getFilename()));
        }
        return named;
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read deployment resource " + resource, e);
        }
    }

    /** Camunda names a {@link ContextResource} by its path within the context: here, the file name. */
    static final class NamedResource extends ByteArrayResource implements ContextResource {
        private final String name;

        NamedResource(byte[] content, String name) {
            super(content, name);
            this.name = name;
        }

        @Override
        public String getPathWithinContext() {
            return name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NamedResource r && r.name.equals(name) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }
}
