package be.uliege.library.registration.retention;

import be.uliege.library.registration.base.Messages;
import be.uliege.library.registration.base.PdfFonts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The access file as a readable PDF (R-RET-2): a heading per section in the reader's language,
 * each item's fields in a table, the photo itself; a section the system holds nothing of says so.
 */
final class PersonalDataPdf {

    private static final String LIBRARY = "ULiège Library";
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));
    private static final float MARGIN = 40f;

    private PersonalDataPdf() {}

    static byte[] render(PersonalData data, Locale language) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter.getInstance(document, out);
        var title = Messages.text(language, "access.title", data.identifier());
        document.addTitle(title);
        document.addAuthor(LIBRARY);
        document.addCreator(LIBRARY);
        document.open();
        try {
            document.add(new Paragraph(LIBRARY, font(true, 12f)));
            var heading = new Paragraph(title, font(true, 16f));
            heading.setSpacingBefore(4f);
            document.add(heading);
            document.add(new Paragraph(
                    Messages.text(language, "access.produced", AT.format(data.producedAt()), data.producedBy()),
                    font(false, 9f)));
            if (data.photo() != null) {
                photo(document, data.photo(), language);
            }
            for (var section : data.sections()) {
                var name = new Paragraph(Messages.text(language, "access.section." + section.name()), font(true, 12f));
                name.setSpacingBefore(12f);
                name.setSpacingAfter(4f);
                document.add(name);
                if (section.items().isEmpty()) {
                    document.add(new Paragraph(Messages.text(language, "access.none"), font(false, 9f)));
                    continue;
                }
                for (var item : section.items()) {
                    var table = new PdfPTable(new float[] {32f, 68f});
                    table.setWidthPercentage(100f);
                    table.setSpacingAfter(4f);
                    for (var field : item.entrySet()) {
                        if (field.getKey().equals("base64")) {
                            continue; // the photo is shown above; the JSON file carries its bytes
                        }
                        table.addCell(cell(label(field.getKey()), true));
                        table.addCell(cell(field.getValue(), false));
                    }
                    document.add(table);
                }
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("The access file could not be written as PDF", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    /** The photo as the system keeps it; one it cannot draw is said to be in the JSON file. */
    private static void photo(Document document, byte[] jpeg, Locale language) throws DocumentException {
        try {
            var photo = Image.getInstance(jpeg);
            photo.scaleToFit(90f, 120f);
            photo.setSpacingBefore(8f);
            document.add(photo);
        } catch (IOException | RuntimeException e) {
            document.add(new Paragraph(Messages.text(language, "access.photo-unreadable"), font(false, 9f)));
        }
    }

    /** "expirationDate" → "Expiration date": the field's own name, in words. */
    static String label(String field) {
        var words = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static PdfPCell cell(String text, boolean label) {
        var cell = new PdfPCell(new Phrase(text, font(label, 9f)));
        cell.setPadding(3f);
        cell.setBorderWidth(0.3f);
        return cell;
    }

    private static Font font(boolean bold, float size) {
        return new Font(bold ? PdfFonts.BOLD : PdfFonts.REGULAR, size);
    }
}
