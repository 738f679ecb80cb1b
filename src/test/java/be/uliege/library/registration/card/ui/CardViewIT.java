package be.uliege.library.registration.card.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.uliege.library.registration.card.CardPhoto;
import be.uliege.library.registration.card.Cards;
import be.uliege.library.registration.card.PhotoImages;
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
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.i18n.I18NProvider;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * R-CARD-1…3 without a browser: an uploaded photo is checked, framed with the sliders, associated
 * only with the patron on the screen, and the card and its letter are offered as PDFs once printed.
 */
@SpringBootTest
@WithMockUser(username = "operator", roles = Roles.DESK_OPERATOR)
class CardViewIT extends SpringBrowserlessTest {

    @Autowired
    PatronService patrons;

    @Autowired
    Cards cards;

    static byte[] quadrants() throws Exception {
        var image = new BufferedImage(800, 1000, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 400, 500);
        g.setColor(Color.BLUE);
        g.fillRect(400, 0, 400, 500);
        g.setColor(Color.GREEN);
        g.fillRect(0, 500, 800, 500);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aPhotoIsFramedAssociatedAndTheCardPrinted() throws Exception {
        var patron = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Aurélie",
                        "Photographiée",
                        Gender.F,
                        LocalDate.of(1990, 1, 2),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email("photo." + UUID.randomUUID() + "@example.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 90 80 70", ContactUsage.MOBILE),
                                ContactDraft.address("Rue Féronstrée 30", "4000", "Liège", "BE"))));
        var view = navigate("cards/" + patron.id(), CardView.class);
        assertThat($(Paragraph.class).withId("card-status").single().getText())
                .isEqualTo(translate("card.status.none"));
        var associate = $(Button.class).withId("photo-associate").single();
        assertThat(associate.isEnabled())
                .as("no photo yet: nothing to associate")
                .isFalse();
        assertThat($(Button.class).withId("camera-server").all())
                .as("the server's camera is off by default")
                .isEmpty();

        // A script behind a PNG signature is refused; nothing to associate.
        view.received("\u0089PNG\r\n\u001a\n#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(associate.isEnabled()).isFalse();

        view.received(quadrants());
        var preview = $(Image.class).withId("photo-preview").single();
        assertThat(preview.getSrc()).startsWith("data:image/jpeg;base64,");
        var centred = preview.getSrc();
        $(DecimalSlider.class).withId("photo-horizontal").single().setValue(0.9);
        $(DecimalSlider.class).withId("photo-zoom").single().setValue(2.0);
        assertThat(preview.getSrc()).as("the sliders move the frame").isNotEqualTo(centred);
        assertThat(associate.isEnabled()).isTrue();
        test(associate).click();

        var stored = cards.photo(patron.id()).orElseThrow();
        var upload = PhotoImages.check(stored);
        assertThat(upload.width()).isEqualTo(CardPhoto.WIDTH);
        assertThat(upload.height()).isEqualTo(CardPhoto.HEIGHT);

        test($(Button.class).withId("card-print").single()).click();
        assertThat($(Anchor.class).withId("card-pdf").all()).hasSize(1);
        assertThat($(Anchor.class).withId("letter-pdf").all()).hasSize(1);
        assertThat(cards.current(patron.id()).orElseThrow().status()).isEqualTo(Cards.Status.PRINTED);
        assertThat($(Paragraph.class).withId("card-status").single().getText()).contains("ALP");

        // R-DESK-1: reprints are a desk manager's; the operator is told so.
        navigate("cards/" + patron.id(), CardView.class);
        assertThat($(Paragraph.class).withId("card-reprint-managers").single().getText())
                .isEqualTo(translate("card.reprint.manager-only"));
        assertThat($(Button.class).withId("card-print").all()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    @WithMockUser(
            username = "manager",
            roles = {Roles.DESK_OPERATOR, Roles.DESK_MANAGER})
    void aLostCard_showsItsReplacementFee_andPrintsOnlyOnceItIsPaid() {
        var patron = patrons.registerAtDesk(
                PatronKind.B,
                new PatronDraft(
                        "Hélène",
                        "Égarée",
                        Gender.F,
                        LocalDate.of(1985, 4, 5),
                        Language.FRE,
                        "Extérieur",
                        "Aucun",
                        null,
                        "PIB: Interlibrary Loan Services",
                        null,
                        null,
                        List.of(
                                ContactDraft.email("lost." + UUID.randomUUID() + "@example.be", ContactUsage.PERSONAL),
                                ContactDraft.phone("0475 90 80 71", ContactUsage.MOBILE),
                                ContactDraft.address("Rue Féronstrée 31", "4000", "Liège", "BE"))));
        long first = cards.print(patron.id(), "ALP", Cards.Reason.FIRST, Cards.Printing.CARD_AND_LETTER)
                .cardId();
        navigate("cards/" + patron.id(), CardView.class);
        assertThat($(VerticalLayout.class).withId("card-fee").all())
                .as("no reason chosen yet: no fee shown")
                .isEmpty();

        var reason =
                (Select<Cards.Reason>) $(Select.class).withId("card-reason").single();
        reason.setValue(Cards.Reason.DEFECTIVE_CHIP);
        assertThat($(Paragraph.class).withId("card-fee-free").all())
                .as("a defective chip is free")
                .hasSize(1);

        reason.setValue(Cards.Reason.LOST);
        var charge = $(Button.class).withId("card-fee-charge").single();
        assertThat(charge.getText()).contains("Library Card Replacement").containsPattern("5[,.]00");
        test($(Button.class).withId("card-print").single()).click();
        assertThat(cards.current(patron.id()).orElseThrow().id())
                .as("not printed: the fee was never charged")
                .isEqualTo(first);
        assertThat(test($(Notification.class).last()).getText())
                .as("says what to do")
                .startsWith(translate("card.fee.undecided", "").substring(0, 20));

        test(charge).click();
        test($(Button.class).withId("card-print").single()).click();
        assertThat(cards.current(patron.id()).orElseThrow().id())
                .as("not printed: the fee is open")
                .isEqualTo(first);

        test($(Button.class).withId("fees-pay").single()).click();
        assertThat($(Button.class).withId("fees-pay").all()).as("paid").isEmpty();
        test($(Button.class).withId("card-print").single()).click();
        var reprinted = cards.current(patron.id()).orElseThrow();
        assertThat(reprinted.id()).isNotEqualTo(first);
        assertThat(reprinted.reason()).isEqualTo(Cards.Reason.LOST);
        assertThat($(Anchor.class).withId("letter-pdf").all()).hasSize(1);
    }

    private static String translate(String key, Object... args) {
        return I18NProvider.translate(key, args);
    }
}
