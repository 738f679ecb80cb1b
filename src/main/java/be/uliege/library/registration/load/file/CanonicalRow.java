package be.uliege.library.registration.load.file;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <user>} written back as it was read, in one fixed form (R-SIS-5): elements by their
 * local name, attributes without a namespace in their order, every character of text as it was,
 * comments and processing instructions left out. Two rows with the same form read the same for the
 * parser; the form's digest tells an unchanged row without reading it into a record, and the form
 * itself is what the load keeps of a row to apply later ({@code load_pending_row}). Reading the
 * form again gives the same form.
 *
 * <p>A row whose form would pass {@code maxChars} is not kept: it is unreadable (a real row is a
 * few kilobytes; the limit bounds the memory a hostile row can take).
 */
final class CanonicalRow {

    private final StringBuilder xml = new StringBuilder(4096);
    private final int maxChars;
    private final StringBuilder primaryId = new StringBuilder();
    private int depth;
    private boolean inPrimaryId;
    private boolean tooLarge;

    CanonicalRow(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Starts with the {@code <user>} element the reader is on. */
    void begin(XMLStreamReader reader) {
        xml.setLength(0);
        primaryId.setLength(0);
        depth = 0;
        inPrimaryId = false;
        tooLarge = false;
        add(XMLStreamConstants.START_ELEMENT, reader);
    }

    /** Adds the event the reader is on; true once the {@code <user>} element is closed. */
    boolean add(int event, XMLStreamReader reader) {
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
                depth++;
                var name = reader.getLocalName();
                inPrimaryId = depth == 2 && name.equals("primary_id");
                if (room()) {
                    xml.append('<').append(name);
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        var namespace = reader.getAttributeNamespace(i);
                        if (namespace == null || namespace.isEmpty()) {
                            xml.append(' ')
                                    .append(reader.getAttributeLocalName(i))
                                    .append("=\"");
                            escape(reader.getAttributeValue(i), true);
                            xml.append('"');
                        }
                    }
                    xml.append('>');
                }
            }
            case XMLStreamConstants.END_ELEMENT -> {
                if (room()) {
                    xml.append("</").append(reader.getLocalName()).append('>');
                }
                inPrimaryId = false;
                depth--;
                return depth == 0;
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                var text = reader.getTextCharacters();
                int start = reader.getTextStart();
                int length = reader.getTextLength();
                if (inPrimaryId && primaryId.length() + length <= 200) {
                    primaryId.append(text, start, length);
                }
                if (room()) {
                    for (int i = start; i < start + length; i++) {
                        escape(text[i], false);
                    }
                }
            }
            default -> {
                // comments and processing instructions: not part of the row
            }
        }
        return false;
    }

    private boolean room() {
        if (!tooLarge && xml.length() > maxChars) {
            tooLarge = true;
            xml.setLength(0);
        }
        return !tooLarge;
    }

    private void escape(String value, boolean attribute) {
        for (int i = 0; i < value.length(); i++) {
            escape(value.charAt(i), attribute);
        }
    }

    private void escape(char c, boolean attribute) {
        switch (c) {
            case '&' -> xml.append("&amp;");
            case '<' -> xml.append("&lt;");
            case '>' -> xml.append("&gt;");
            case '\r' -> xml.append("&#13;");
            case '"' -> xml.append(attribute ? "&quot;" : "\"");
            case '\n' -> xml.append(attribute ? "&#10;" : "\n");
            case '\t' -> xml.append(attribute ? "&#9;" : "\t");
            default -> xml.append(c);
        }
    }

    boolean tooLarge() {
        return tooLarge || xml.length() > maxChars;
    }

    /** The characters of the form written so far, at most one more than the largest row kept. */
    int length() {
        return Math.min(xml.length(), maxChars + 1);
    }

    /** The form, or null when the row is too large to keep. */
    @Nullable
    String xml() {
        return tooLarge() ? null : xml.toString();
    }

    /** The text of {@code primary_id}, trimmed, when the row has one (for the report). */
    @Nullable
    String primaryId() {
        var value = primaryId.toString().strip();
        return value.isEmpty() ? null : value;
    }

    /** SHA-256 of the form, URL-safe Base64: the row's fingerprint; null when too large. */
    @Nullable
    String digest() {
        var form = xml();
        return form == null ? null : digest(form);
    }

    static String digest(String text) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
