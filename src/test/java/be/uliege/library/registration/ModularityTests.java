package be.uliege.library.registration;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.EmailAddress;
import be.uliege.library.registration.patron.duplicate.Resemblance;
import be.uliege.library.registration.patron.identifier.IdentifierSequences;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import be.uliege.library.registration.patron.internal.PatronRepository;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature packages are Spring Modulith modules that only use each other's public API. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void thePatronModuleShowsItsRuleGroups_andOpensOnlyWhatOtherModulesNeed() {
        var patron = modules.getModuleByName("patron").orElseThrow();
        var named = patron.getNamedInterfaces();
        assertThat(named.getByName("contact").orElseThrow().contains(EmailAddress.class))
                .isTrue();
        assertThat(named.getByName("duplicate").orElseThrow().contains(Resemblance.class))
                .isTrue();
        var identifier = named.getByName("identifier").orElseThrow();
        assertThat(identifier.contains(PrimaryIdentifier.class)).isTrue();
        assertThat(identifier.contains(IdentifierSequences.class))
                .as("the sequences are the patron module's own")
                .isFalse();
        assertThat(named.stream().anyMatch(it -> it.contains(PatronRepository.class)))
                .as("repositories are internals")
                .isFalse();
        assertThat(named.getUnnamedInterface().contains(PatronService.class)).isTrue();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
