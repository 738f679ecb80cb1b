package be.uliege.library.registration.card;

import be.uliege.library.registration.base.Messages;
import be.uliege.library.registration.base.PdfFonts;
import be.uliege.library.registration.patron.Gender;
import be.uliege.library.registration.patron.Language;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
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

    CardLetterPdf() {}

    /** The letter, one A4 page. */
    public byte[] render(CardPrint card) {
        var texts = new Texts(card.language() == Language.ENG ? Locale.ENGLISH : Locale.FRENCH);
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
        document.add(
                paragraph(texts.get("salutation." + gender.name(), card.lastName()) + ",", regular(TEXT_SIZE), 18f));
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
            document.add(paragraph(texts.get("once", String.valueOf(card.triesBeforeLock())), regular(TEXT_SIZE), 10f));
        }

        document.add(paragraph(texts.get("closing." + gender.name()), regular(TEXT_SIZE), 18f));
        document.add(paragraph(LIBRARY, bold(TEXT_SIZE), 24f));
        document.close();
        return out.toByteArray();
    }

    /** The letter's texts in the bundles ({@code letter.card.*}), French or English as the patron reads. */
    private record Texts(Locale language) {
        String get(String key, Object... arguments) {
            return Messages.text(language, "letter.card." + key, arguments);
        }
    }

    private static Paragraph identifier(CardPrint card, Texts texts) {
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
