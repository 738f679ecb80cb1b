package be.uliege.library.registration.base;

import java.util.stream.IntStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * An XML stream written one element per line, indented by depth, as a person reads Alma's user XML
 * (the university's generated file, the export to the library system): elements with text, codes
 * with their description in words ({@code <user_group desc="Student">S</user_group>}), nested
 * elements opened and closed. Absent values write nothing.
 */
public final class IndentedXml {

    private static final String[] INDENTS =
            IntStream.range(0, 16).mapToObj(depth -> "\n" + "  ".repeat(depth)).toArray(String[]::new);

    private final XMLStreamWriter xml;
    private int depth;

    public IndentedXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** The declaration and the root element, with its attributes as name-value pairs. */
    public void startDocument(String root, String... attributes) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement(root);
        for (int i = 0; i < attributes.length; i += 2) {
            xml.writeAttribute(attributes[i], attributes[i + 1]);
        }
        depth = 1;
    }

    public void endDocument() throws XMLStreamException {
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }

    /** Opens an element on a line of its own; its attributes follow with {@link #attribute}. */
    public void open(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        depth++;
    }

    public void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, value);
    }

    public void close() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    /** An element with text; nothing when the value is absent. */
    public void text(String name, @Nullable String value) throws XMLStreamException {
        if (value != null) {
            indent();
            xml.writeStartElement(name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    /** A code with its description in words (the description left out when absent). */
    public void code(String name, String value, @Nullable String description) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        if (description != null) {
            xml.writeAttribute("desc", description);
        }
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** A list element holding one code: {@code <email_types><email_type>work</email_type></email_types>}. */
    public void codes(String list, String element, String value, @Nullable String description)
            throws XMLStreamException {
        open(list);
        code(element, value, description);
        close();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters(INDENTS[Math.min(depth, INDENTS.length - 1)]);
    }
}
