package jp.jukiflow.processes;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.notify.MailNotifier;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The application's {@link JavaDelegate} beans, found the way Spring's component scan finds them (without starting a
 * context): the name a model writes in {@code camunda:delegateExpression="${name}"} and the class behind it.
 */
final class DelegateBeans {

    /** The ports through which a delegate reaches outside the engine's transaction: Juki-net and mail. */
    static final Set<Class<?>> OUTSIDE_PORTS = Set.of(JukinetGateway.class, MailNotifier.class);

    private static Map<String, Class<?>> delegates;

    private DelegateBeans() {
    }

    /** Bean name → class of every main-code {@code @Component} implementing {@link JavaDelegate}. */
    static synchronized Map<String, Class<?>> all() {
        if (delegates == null) {
            var scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
            Map<String, Class<?>> found = new TreeMap<>();
            SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
            for (BeanDefinition definition : scanner.findCandidateComponents("jp.jukiflow")) {
                Class<?> type = load(definition.getBeanClassName());
                boolean mainCode = !type.getProtectionDomain().getCodeSource().getLocation().toString()
                        .contains("test-classes");
                if (mainCode && JavaDelegate.class.isAssignableFrom(type)) {
                    found.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry), type);
                }
            }
            delegates = Map.copyOf(found);
        }
        return delegates;
    }

    /** The names of the delegates that call outside: those holding a Juki-net or mail port. */
    static Set<String> outsideCalls() {
        Set<String> names = new TreeSet<>();
        all().forEach((name, type) -> {
            if (callsOutside(type)) {
                names.add(name);
            }
        });
        return names;
    }

    static boolean callsOutside(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).map(Field::getType).anyMatch(OUTSIDE_PORTS::contains);
    }

    /** The bean name in a plain {@code ${name}} expression, else null. */
    static String beanOf(String expression) {
        if (expression == null) {
            return null;
        }
        String text = expression.strip();
        return text.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}") ? text.substring(2, text.length() - 1) : null;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DelegateBeans.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
