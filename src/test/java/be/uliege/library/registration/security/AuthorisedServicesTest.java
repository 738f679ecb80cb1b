package be.uliege.library.registration.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Every public method of every service says who may call it (issue 14): a staff role, the system
 * principal, or {@code permitAll()} with the reason written beside it. A method added without one
 * fails here, instead of being open to anyone by default.
 */
class AuthorisedServicesTest {

    @Test
    @DisplayName("Issue 14: every public service method carries its @PreAuthorize")
    void everyPublicServiceMethodIsAuthorised() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        var services = scanner.findCandidateComponents("be.uliege.library.registration");
        assertThat(services).as("the services found").hasSizeGreaterThan(15);
        List<String> open = new ArrayList<>();
        for (var definition : services) {
            var type = Class.forName(definition.getBeanClassName());
            boolean classLevel = type.isAnnotationPresent(PreAuthorize.class);
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers())
                        && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic()
                        && !method.isBridge()
                        && !classLevel
                        && !method.isAnnotationPresent(PreAuthorize.class)) {
                    open.add(type.getSimpleName() + "." + method.getName()
                            + Arrays.toString(method.getParameterTypes()));
                }
            }
        }
        assertThat(open).as("public service methods without @PreAuthorize").isEmpty();
    }
}
