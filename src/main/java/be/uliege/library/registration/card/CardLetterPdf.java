package be.uliege.library.registration.card;

import be.uliege.library.registration.base.PdfFonts;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Renders the A4 letter that goes with a card (R-CARD-3), in the patron's language, French unless
 * it is English (R-REC-1), with the salutation the patron's gender calls for ("Madame",
 * "Monsieur", or a neutral one when it is not given): the address, the identifier, the 4-digit
 * activation code in large type and how to activate the card online (R-CARD-5). For a card printed
 * already activated (R-CARD-4) the letter says so and carries no code. It says the card has no
 * expiry date (R-CARD-3a).
 *
 * <p>Set in Liberation Sans, embedded as a subset, like the card.
 */
@Component
public final class CardLetterPdf {

    private static final String LIBRARY = "ULiège Library";
    private static final float MARGIN = CardPdf.mm(25f);
    private static final float TEXT_SIZE = 11f;

    private static final Map<String, String> FRENCH = Map.ofEntries(
            Map.entry("title", "Votre carte de lecteur"),
            Map.entry("subject", "Objet\u00a0: votre carte de lecteur ULiège Library"),
            Map.entry("salutation.F", "Madame"),
            Map.entry("salutation.M", "Monsieur"),
            Map.entry("salutation.X", "Madame, Monsieur"),
            Map.entry(
                    "enclosed",
                    "Vous trouverez ci-joint votre carte de lecteur ULiège Library. Elle n’a pas de date"
                            + " d’expiration\u00a0: gardez-la, elle reste valable quand vous renouvelez votre inscription."),
            Map.entry(
                    "activate",
                    "Avant de l’utiliser, activez-la en ligne avec votre identifiant et ce code d’activation\u00a0:"),
            Map.entry("identifier", "Votre identifiant\u00a0: "),
            Map.entry("code", "Votre code d’activation\u00a0: "),
            Map.entry("step1", "1. Ouvrez la page "),
            Map.entry("step2", "2. Tapez votre identifiant et le code d’activation ci-dessus."),
            Map.entry("step3", "3. Validez\u00a0: votre carte est activée et prête à l’emploi."),
            Map.entry(
                    "once",
                    "Le code ne sert qu’une fois. Après %d essais erronés, il faut attendre avant de réessayer,"
                            + " un peu plus à chaque erreur\u00a0; le guichet de la bibliothèque peut lever cette attente ou activer"
                            + " la carte. Ce code est personnel, ne le communiquez à personne."),
            Map.entry(
                    "activated",
                    "Votre carte est déjà activée\u00a0: vous pouvez l’utiliser dès maintenant, sans code d’activation."),
            Map.entry("closing.F", "Nous vous prions d’agréer, Madame, l’expression de nos salutations distinguées."),
            Map.entry("closing.M", "Nous vous prions d’agréer, Monsieur, l’expression de nos salutations distinguées."),
            Map.entry(
                    "closing.X",
                    "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées."));

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("title", "Your library card"),
            Map.entry("subject", "Your ULiège Library card"),
            Map.entry("salutation.F", "Dear Ms %s"),
            Map.entry("salutation.M", "Dear Mr %s"),
            Map.entry("salutation.X", "Dear Sir or Madam"),
            Map.entry(
                    "enclosed",
                    "Please find enclosed your ULiège Library card. It has no expiry date: keep it, it remains"
                            + " valid when you renew your registration."),
            Map.entry(
                    "activate",
                    "Before using it, please activate it online with your identifier and this activation code:"),
            Map.entry("identifier", "Your identifier: "),
            Map.entry("code", "Your activation code: "),
            Map.entry("step1", "1. Open the page "),
            Map.entry("step2", "2. Type your identifier and the activation code above."),
            Map.entry("step3", "3. Confirm: your card is activated and ready to use."),
            Map.entry(
                    "once",
                    "The code works only once. After %d wrong attempts you must wait before trying again, a"
                            + " little longer after each mistake; the library desk can lift the wait or activate the card. This code"
                            + " is personal: do not share it with anyone."),
            Map.entry(
                    "activated",
                    "Your card is already activated: you can use it straight away, no activation code is needed."),
            Map.entry("closing.F", "Yours sincerely,"),
            Map.entry("closing.M", "Yours sincerely,"),
            Map.entry("closing.X", "Yours faithfully,"));

    CardLetterPdf() {}

    /** The letter, one A4 page. */
    public byte[] render(CardPrint card) {
        var texts = card.language() == Language.ENG ? ENGLISH : FRENCH;
        var gender = card.gender() == null ? Gender.X : card.gender();

        var out = new ByteArrayOutputStream(48 * 1024);
        var document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter.getInstance(document, out);
        document.addTitle(texts.get("title"));
        document.addAuthor(LIBRARY);
        document.addCreator(LIBRARY);
        document.open();

        document.add(paragraph(LIBRARY, bold(16f), 0f));

        var address = paragraph(card.firstName() + " " + card.lastName(), regular(TEXT_SIZE), CardPdf.mm(22f));
        for (var line : card.addressLines()) {
            address.add(Chunk.NEWLINE);
            address.add(new Chunk(line, regular(TEXT_SIZE)));
        }
        address.setIndentationLeft(CardPdf.mm(80f));
        document.add(address);

        document.add(paragraph(texts.get("subject"), bold(TEXT_SIZE), CardPdf.mm(25f)));
        document.add(paragraph(
                texts.get("salutation." + gender.name()).formatted(card.lastName()) + ",", regular(TEXT_SIZE), 18f));
        document.add(paragraph(texts.get("enclosed"), regular(TEXT_SIZE), 10f));

        var code = card.activationCode();
        if (code == null) {
            document.add(paragraph(texts.get("activated"), regular(TEXT_SIZE), 10f));
            document.add(identifier(card, texts));
        } else {
            document.add(paragraph(texts.get("activate"), regular(TEXT_SIZE), 10f));
            document.add(identifier(card, texts));
            var digits = paragraph(texts.get("code"), regular(TEXT_SIZE), 0f);
            digits.setLeading(28f * 1.25f);
            digits.add(new Chunk(code, bold(28f)));
            digits.setIndentationLeft(CardPdf.mm(10f));
            document.add(digits);

            var open = paragraph(texts.get("step1"), regular(TEXT_SIZE), 10f);
            var url = new Chunk(card.activationUrl(), bold(TEXT_SIZE));
            url.setAnchor(card.activationUrl());
            open.add(url);
            document.add(step(open));
            document.add(step(paragraph(texts.get("step2"), regular(TEXT_SIZE), 2f)));
            document.add(step(paragraph(texts.get("step3"), regular(TEXT_SIZE), 2f)));
            document.add(paragraph(texts.get("once").formatted(card.triesBeforeLock()), regular(TEXT_SIZE), 10f));
        }

        document.add(paragraph(texts.get("closing." + gender.name()), regular(TEXT_SIZE), 18f));
        document.add(paragraph(LIBRARY, bold(TEXT_SIZE), 24f));
        document.close();
        return out.toByteArray();
    }

    private static Paragraph identifier(CardPrint card, Map<String, String> texts) {
        var identifier = paragraph(texts.get("identifier"), regular(TEXT_SIZE), 8f);
        identifier.add(new Chunk(card.identifier(), bold(14f)));
        identifier.setIndentationLeft(CardPdf.mm(10f));
        return identifier;
    }

    private static Paragraph step(Paragraph step) {
        step.setIndentationLeft(CardPdf.mm(10f));
        return step;
    }

    private static Paragraph paragraph(String text, Font font, float spacingBefore) {
        var paragraph = new Paragraph(font.getSize() * 1.35f, text, font);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    private static Font regular(float size) {
        return new Font(PdfFonts.REGULAR, size);
    }

    private static Font bold(float size) {
        return new Font(PdfFonts.BOLD, size);
    }
}
