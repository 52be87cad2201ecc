package jp.jukiflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The process (its key) a process test answers for. {@code ProcessCoverageIT} requires the test classes naming a
 * process, taken together, to drive every flow node and sequence flow of it; {@link ProcessTestFixture} starts it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface ProcessUnderTest {

    String value();
}
