package be.uliege.library.registration.card.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.card.CardSettings;
import be.uliege.library.registration.card.api.AllowedClients.Admission;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R-CARD-6: who may fetch photos — the configured networks, or the bearer token when one is set. */
class AllowedClientsTest {

    static final String TOKEN = "0123456789abcdefghijklmnopqrstuvwxyz-_.~";

    static AllowedClients clients(List<String> networks, String token) {
        return new AllowedClients(new CardSettings(
                "https://example.org/activate",
                "0123456789abcdef",
                5,
                10,
                30,
                Duration.ofMinutes(10),
                List.of(),
                new CardSettings.Photos("PRIMARY", "jpg", networks, token)));
    }

    @Test
    void theDefaults_localhostOnly() {
        var clients = clients(List.of("127.0.0.1/32", "::1/128"), "");
        assertThat(clients.admit("127.0.0.1", null)).isEqualTo(Admission.NETWORK);
        assertThat(clients.admit("0:0:0:0:0:0:0:1", null)).isEqualTo(Admission.NETWORK);
        assertThat(clients.admit("127.0.0.2", null)).isEqualTo(Admission.REFUSED);
        assertThat(clients.admit("192.0.2.7", null)).isEqualTo(Admission.REFUSED);
        assertThat(clients.admit(null, null)).isEqualTo(Admission.REFUSED);
        assertThat(clients.admit("192.0.2.7", "Bearer "))
                .as("no token configured: none works")
                .isEqualTo(Admission.REFUSED);
        assertThat(clients.admit("192.0.2.7", "Bearer anything")).isEqualTo(Admission.REFUSED);
    }

    @Test
    void theToken_onlyExactly_asABearerToken() {
        var clients = clients(List.of("10.0.0.0/8"), TOKEN);
        assertThat(clients.admit("10.200.0.1", null)).isEqualTo(Admission.NETWORK);
        assertThat(clients.admit("192.0.2.7", "Bearer " + TOKEN)).isEqualTo(Admission.TOKEN);
        assertThat(clients.admit("192.0.2.7", "bearer  " + TOKEN + " ")).isEqualTo(Admission.TOKEN);
        for (var wrong : List.of(
                "",
                "Bearer",
                "Bearer ",
                TOKEN,
                "Basic " + TOKEN,
                "Bearer " + TOKEN + "x",
                "Bearer " + TOKEN.substring(1),
                "Bearer " + TOKEN.toUpperCase(),
                "Bearer " + TOKEN.replace('~', '!'),
                "Bearer" + TOKEN)) {
            assertThat(clients.admit("192.0.2.7", wrong)).as(wrong).isEqualTo(Admission.REFUSED);
        }
    }

    @Test
    void noNetworks_theTokenOnly() {
        var clients = clients(List.of(), TOKEN);
        assertThat(clients.admit("127.0.0.1", null)).isEqualTo(Admission.REFUSED);
        assertThat(clients.admit("127.0.0.1", "Bearer " + TOKEN)).isEqualTo(Admission.TOKEN);
    }

    @Test
    void aMalformedRange_stopsTheStartWithTheSettingAndTheText() {
        assertThatThrownBy(() -> clients(List.of("127.0.0.1/32", "10.0.0.0/33"), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("registration.cards.photos.allowed-networks: '10.0.0.0/33'");
        assertThatThrownBy(() -> clients(List.of("intranet.uliege.be"), ""))
                .hasMessageContaining("'intranet.uliege.be' is not a network range");
    }

    @Test
    void aWeakToken_stopsTheStart() {
        assertThatThrownBy(() -> clients(List.of(), "short-token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("registration.cards.photos.token: at least 32");
        assertThatThrownBy(() -> clients(List.of(), "a token with spaces in it, long enough though"))
                .hasMessageStartingWith("registration.cards.photos.token");
    }
}
