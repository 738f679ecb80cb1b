package be.uliege.library.registration.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R-DESK-4: a registration's welcome mail is pending, then sent once or found to have no address. */
class RegistrationTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static Registration registration() {
        return new Registration(42, "B100001", "desk1", AT, "ALP", LocalDate.of(2027, 3, 2));
    }

    @Test
    void aNewRegistration_hasItsWelcomeMailPending() {
        var registration = registration();
        assertThat(registration.welcomeMailPending()).isTrue();
        assertThat(registration.getWelcomeMail()).isEqualTo(Registration.WelcomeMail.PENDING);
        assertThat(registration.getWelcomeMailAt()).isNull();
        assertThat(registration.getPatronId()).isEqualTo(42);
        assertThat(registration.getRegisteredBy()).isEqualTo("desk1");
        assertThat(registration.getRegisteredAt()).isEqualTo(AT);
        assertThat(registration.getSite()).isEqualTo("ALP");
        assertThat(registration.getExpirationDate()).isEqualTo(LocalDate.of(2027, 3, 2));
    }

    @Test
    void theWelcomeMail_isSentOnce() {
        var registration = registration();
        registration.welcomeMailSent(AT.plusSeconds(5));
        assertThat(registration.getWelcomeMail()).isEqualTo(Registration.WelcomeMail.SENT);
        assertThat(registration.getWelcomeMailAt()).isEqualTo(AT.plusSeconds(5));
        assertThat(registration.welcomeMailPending()).isFalse();

        assertThatThrownBy(() -> registration.welcomeMailSent(AT.plusSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SENT already");
        assertThatThrownBy(registration::welcomeMailWithoutAddress).isInstanceOf(IllegalStateException.class);
        assertThat(registration.getWelcomeMail()).isEqualTo(Registration.WelcomeMail.SENT);
        assertThat(registration.getWelcomeMailAt()).isEqualTo(AT.plusSeconds(5));
    }

    @Test
    void aPatronWithoutAddress_getsNoWelcomeMail_evenLater() {
        var registration = registration();
        registration.welcomeMailWithoutAddress();
        assertThat(registration.getWelcomeMail()).isEqualTo(Registration.WelcomeMail.NO_EMAIL);
        assertThat(registration.getWelcomeMailAt()).isNull();

        assertThatThrownBy(() -> registration.welcomeMailSent(AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NO_EMAIL already");
        assertThatThrownBy(registration::welcomeMailWithoutAddress).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStoredStates_fitTheColumn() {
        for (var state : Registration.WelcomeMail.values()) {
            assertThat(state.name()).hasSizeLessThanOrEqualTo(8); // welcome_mail VARCHAR(8)
        }
    }
}
