package be.uliege.library.registration.card.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import be.uliege.library.registration.patron.PatronDraft;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.security.Roles;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-CARD-1 at a desk station whose application runs on the desk computer, the server-side camera
 * switched on: the card screen offers it, and on this machine — where no camera can be plugged in —
 * it says so in words, within its timeout, and the upload stays there to go on with. The simulated
 * browser is on the server's own computer (a loopback address), as such a desk is.
 */
@SpringBootTest(
        properties = {"registration.cards.server-camera.enabled=true", "registration.cards.server-camera.timeout=PT3S"})
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class ServerCameraViewIT extends SpringBrowserlessTest {

    @Autowired
    PatronService patrons;

    @Autowired
    Cards cards;

    @Test
    void withoutACamera_theScreenSaysSo_andTheUploadRemains() {
        var patron = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Gaëtan",
                        "Sans-Caméra",
                        Gender.M,
                        LocalDate.of(1991, 6, 7),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email("nocam." + UUID.randomUUID() + "@example.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 27 18 28", ContactUsage.MOBILE),
                                ContactDraft.address("Rue Léopold 2", "4000", "Liège", "BE"))));
        navigate("cards/" + patron.id(), CardView.class);
        var take = $(Button.class).withId("camera-server").single();
        assertThat(take.getText()).isEqualTo(translate("card.camera.server.take"));

        test(take).click();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo(translate("card.camera.server.none"));
        assertThat(take.isEnabled()).as("the operator can try again").isTrue();
        assertThat($(Upload.class).withId("photo-upload").all()).hasSize(1);
        assertThat($(Button.class).withId("photo-associate").single().isEnabled())
                .isFalse();
        assertThat(cards.photo(patron.id())).isEmpty();
    }

    private static String translate(String key) {
        return I18NProvider.translate(key);
    }
}
