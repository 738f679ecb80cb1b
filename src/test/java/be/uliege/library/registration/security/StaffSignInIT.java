package be.uliege.library.registration.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Staff sign in with their directory account; roles come from directory groups, a higher role
 * bringing the lower ones; someone in no staff group cannot sign in (R-DESK-1). The health
 * endpoint reports the database, the directory and the mail server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffSignInIT {

    @Autowired
    StaffAuthenticationProvider provider;

    @LocalServerPort
    int port;

    @Test
    void rolesComeFromDirectoryGroups_higherRolesIncludeLowerOnes() {
        var admin = provider.authenticate(new UsernamePasswordAuthenticationToken("admin", "demo-admin"));
        assertThat(admin.getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_DESK_OPERATOR", "ROLE_DESK_MANAGER", "ROLE_USER_ADMINISTRATOR");
        var operator = provider.authenticate(new UsernamePasswordAuthenticationToken("operator", "demo-operator"));
        assertThat(operator.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_DESK_OPERATOR");
    }

    @Test
    void aDirectoryAccountWithoutAStaffGroupCannotSignIn() {
        Assertions.assertThatThrownBy(
                        () -> provider.authenticate(new UsernamePasswordAuthenticationToken("visitor", "demo-visitor")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void healthReportsDatabaseDirectoryAndMail() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .containsPattern(Pattern.compile("\"db\":\\{\"status\":\"UP\""))
                .containsPattern(Pattern.compile("\"directory\":\\{\"status\":\"UP\""))
                .containsPattern(Pattern.compile("\"mail\":\\{\"status\":\"UP\""));
    }

    @Test
    void onlyTheHealthOfTheActuatorIsOpen() throws Exception {
        var client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (var path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops")) {
            var response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("bind-password");
        }
    }
}
