package be.uliege.library.registration.base;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMethodMatcher;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The scheduled jobs and the listeners of committed events (Spring Modulith's
 * {@code @ApplicationModuleListener}) of this application run as the {@link SystemPrincipal}
 * (issue 14): nobody signed in starts them, so the services they call see an explicit system
 * rather than nobody, and the history records "system". A listener that runs in a staff member's
 * own request keeps that staff member.
 */
@Configuration(proxyBeanMethods = false)
class SystemTasks {

    private static final String APPLICATION = "be.uliege.library.registration.";

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor jobsAndListenersRunAsSystem() {
        ClassFilter ours = type -> type.getName().startsWith(APPLICATION);
        var pointcut = new ComposablePointcut(ours, new AnnotationMethodMatcher(Scheduled.class, true))
                .union(new ComposablePointcut(
                        ours, new AnnotationMethodMatcher(TransactionalEventListener.class, true)));
        MethodInterceptor asSystem = invocation -> {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
                return invocation.proceed();
            }
            var before = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(SystemPrincipal.context());
            try {
                return invocation.proceed();
            } finally {
                SecurityContextHolder.setContext(before);
            }
        };
        var advisor = new DefaultPointcutAdvisor(pointcut, asSystem);
        // Outside the method security's own check, so that the check sees the system principal.
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
