package jp.jukiflow.support;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Leaves out compiled test classes wherever the build writes them: ArchUnit's {@code DoNotIncludeTests} knows only
 * {@code target/test-classes}, so a build with {@code -Djukiflow.build.dir=/work/build-x} (test classes in
 * {@code /work/build-x/test-classes}) had the tests checked as if they were the application.
 */
public final class NoTestClasses implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/");
    }
}
