package be.uliege.library.registration.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One security-context strategy for every test context of the JVM. Vaadin gives each application
 * context its own {@link VaadinAwareSecurityContextHolderStrategy} (a thread-local of its own) and
 * makes the newest one global; the test context cache keeps several contexts alive, so a test of
 * an older context that signs an operator in through the global holder would leave that context's
 * method security seeing nobody. Every context gets this one instance instead: a test signs in
 * the same way whichever context it runs in. Registered in {@code META-INF/spring.factories}.
 */
public class OneSecurityContextStrategy implements ContextCustomizerFactory {

    static final SecurityContextHolderStrategy SHARED = new VaadinAwareSecurityContextHolderStrategy();

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    /** Equal to every other: it does not split the context cache. */
    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof VaadinAwareSecurityContextHolderStrategy) {
                        SecurityContextHolder.setContextHolderStrategy(SHARED);
                        return SHARED;
                    }
                    return bean;
                }
            });
        }
    }
}
