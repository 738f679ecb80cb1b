package be.uliege.library.registration.fee;

import be.uliege.library.registration.base.Messages;
import be.uliege.library.registration.base.PdfFonts;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Renders a payment receipt as a one-page A5 portrait PDF, in French or in English. (A receipt
 * with more lines than a page holds, about a dozen, goes on to a second page under the same
 * column headings.)
 *
 * <p>The text is set in Liberation Sans (from {@code openpdf-fonts-extra}), embedded as a subset,
 * so that every Latin accent prints whatever fonts the reader's machine has. Names are never cut:
 * a value too long for its column wraps onto the next line. The document's dates are the payment's
 * instant, so that rendering the same receipt twice gives the same text and metadata.
 */
public final class ReceiptPdf {

    /** The payment being acknowledged; amounts are in euros, paid in cash. */
    public record Receipt(
            String number,
            Instant paidAt,
            String operator,
            String siteName,
            String patronIdentifier,
            String patronName,
            List<Line> lines,
            Locale language) {

        public Receipt {
            lines = List.copyOf(lines);
        }

        /**
         * One fee on the receipt. A waived line is shown with its amount struck through and counts
         * as nothing in the total.
         */
        public record Line(
                String label,
                BigDecimal amount,
                boolean waived,
                @Nullable String waiverReason) {}
    }

    private static final String LIBRARY = "ULiège Library";
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final DateTimeFormatter PAID_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Currency EURO = Currency.getInstance("EUR");

    private static final float MARGIN = 36f;
    private static final float TEXT_SIZE = 10f;

    private ReceiptPdf() {}

    /** The receipt's texts in the bundles ({@code receipt.*}). */
    private record Texts(Locale language) {
        String get(String key, Object... arguments) {
            return Messages.text(language, "receipt." + key, arguments);
        }
    }

    /** Renders the receipt; the language is French when {@code receipt.language()} is French, English otherwise. */
    public static byte[] render(Receipt receipt) {
        boolean french = Locale.FRENCH.getLanguage().equals(receipt.language().getLanguage());
        var texts = new Texts(french ? Locale.FRENCH : Locale.ENGLISH);
        var money = money(french ? Locale.FRENCH : Locale.ENGLISH);
        var paidAt = receipt.paidAt().atZone(BRUSSELS);

        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A5, MARGIN, MARGIN, MARGIN, MARGIN);
        var writer = PdfWriter.getInstance(document, out);
        document.addTitle(texts.get("title", receipt.number()));
        document.addAuthor(LIBRARY);
        document.addCreator(LIBRARY);
        document.open();

        document.add(new Paragraph(LIBRARY, Fonts.bold(14f)));
        var title = new Paragraph(texts.get("title", receipt.number()), Fonts.bold(16f));
        title.setSpacingBefore(6f);
        title.setSpacingAfter(12f);
        document.add(title);

        var details = table(new float[] {35f, 65f});
        detail(details, texts.get("paidAt"), PAID_AT.format(paidAt));
        detail(details, texts.get("site"), receipt.siteName());
        detail(details, texts.get("operator"), receipt.operator());
        detail(details, texts.get("patronIdentifier"), receipt.patronIdentifier());
        detail(details, texts.get("patronName"), receipt.patronName());
        document.add(details);

        var lines = table(new float[] {68f, 32f});
        lines.setSpacingBefore(14f);
        lines.setHeaderRows(1);
        lines.addCell(cell(new Phrase(texts.get("item"), Fonts.bold(TEXT_SIZE)), Element.ALIGN_LEFT, Rectangle.BOTTOM));
        lines.addCell(
                cell(new Phrase(texts.get("amount"), Fonts.bold(TEXT_SIZE)), Element.ALIGN_RIGHT, Rectangle.BOTTOM));
        var total = BigDecimal.ZERO;
        for (var line : receipt.lines()) {
            var label = new Phrase(line.label(), Fonts.regular(TEXT_SIZE));
            var sum = new Phrase();
            if (line.waived()) {
                var reason = line.waiverReason();
                var note = reason == null || reason.isBlank()
                        ? texts.get("waived")
                        : texts.get("waivedBecause", reason.strip());
                label.add(new Phrase("\n" + note, Fonts.italic(TEXT_SIZE - 1f)));
                sum.add(new Phrase(money.format(line.amount()), Fonts.struck(TEXT_SIZE)));
                sum.add(new Phrase("\n" + money.format(BigDecimal.ZERO), Fonts.regular(TEXT_SIZE)));
            } else {
                sum.add(new Phrase(money.format(line.amount()), Fonts.regular(TEXT_SIZE)));
                total = total.add(line.amount());
            }
            lines.addCell(cell(label, Element.ALIGN_LEFT, Rectangle.BOTTOM));
            lines.addCell(cell(sum, Element.ALIGN_RIGHT, Rectangle.BOTTOM));
        }
        lines.addCell(cell(
                new Phrase(texts.get("total"), Fonts.bold(TEXT_SIZE + 1f)), Element.ALIGN_LEFT, Rectangle.NO_BORDER));
        lines.addCell(cell(
                new Phrase(money.format(total), Fonts.bold(TEXT_SIZE + 1f)), Element.ALIGN_RIGHT, Rectangle.NO_BORDER));
        document.add(lines);

        var method = new Paragraph(texts.get("method", texts.get("cash")), Fonts.regular(TEXT_SIZE));
        method.setSpacingBefore(12f);
        document.add(method);

        // Document.addCreationDate(PdfDate) keeps the current time (OpenPDF 3.0.5): set the entries directly.
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(GregorianCalendar.from(paidAt)));
        writer.getInfo().put(PdfName.MODDATE, new PdfDate(GregorianCalendar.from(paidAt)));
        document.close();
        return out.toByteArray();
    }

    private static NumberFormat money(Locale locale) {
        var format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(EURO);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format;
    }

    private static PdfPTable table(float[] widths) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100f);
        table.setSplitLate(false);
        return table;
    }

    private static void detail(PdfPTable table, String label, String value) {
        table.addCell(cell(new Phrase(label, Fonts.bold(TEXT_SIZE)), Element.ALIGN_LEFT, Rectangle.NO_BORDER));
        table.addCell(cell(new Phrase(value, Fonts.regular(TEXT_SIZE)), Element.ALIGN_LEFT, Rectangle.NO_BORDER));
    }

    private static PdfPCell cell(Phrase content, int alignment, int border) {
        var cell = new PdfPCell(content);
        cell.setHorizontalAlignment(alignment);
        cell.setBorder(border);
        cell.setPaddingTop(3f);
        cell.setPaddingBottom(5f);
        cell.setPaddingLeft(0f);
        cell.setPaddingRight(0f);
        return cell;
    }

    /** The document's fonts, on Liberation Sans read once for every document ({@link PdfFonts}). */
    private static final class Fonts {
        private static final BaseFont REGULAR_FONT = PdfFonts.REGULAR;
        private static final BaseFont BOLD_FONT = PdfFonts.BOLD;
        private static final BaseFont ITALIC_FONT = PdfFonts.ITALIC;

        static Font regular(float size) {
            return new Font(REGULAR_FONT, size);
        }

        static Font bold(float size) {
            return new Font(BOLD_FONT, size);
        }

        static Font italic(float size) {
            return new Font(ITALIC_FONT, size);
        }

        static Font struck(float size) {
            return new Font(REGULAR_FONT, size, Font.STRIKETHRU);
        }
    }
}
