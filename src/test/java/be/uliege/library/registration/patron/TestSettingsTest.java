package be.uliege.library.registration.patron;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;

/** Keeps the plain-Java test settings equal to the shipped configuration (no application context). */
class TestSettingsTest {

    @Test
    @DisplayName(
            "R-ID-2, R-GRP-1…3, R-CON-1, R-CON-3, R-REC-3, R-REC-5: the test settings are ULiège's values in application.yml")
    void testSettingsMirrorApplicationYml() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        var sources =
                ConfigurationPropertySources.from(new PropertiesPropertySource("application.yml", yaml.getObject()));
        var shipped = new Binder(sources)
                .bind("registration.patron", PatronSettings.class)
                .get();

        assertThat(TestSettings.uliege()).isEqualTo(shipped);
    }

    @Test
    @DisplayName("R-CON-4: the test fixture loads bpost's real postal-code list")
    void postalCodeListIsLoaded() {
        var codes = TestSettings.postalCodes();

        assertThat(codes.isLoaded()).isTrue();
        assertThat(codes.find("4000"))
                .hasValueSatisfying(c -> assertThat(c.localities()).contains("LIÈGE"));
    }
}
