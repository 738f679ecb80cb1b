package be.uliege.library.registration.load.file;

import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.InputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code <user>} elements of one XML stream, one at a time (R-SIS-1): memory does not grow
 * with the file. The JDK's own StAX parser, with no DTD, no external entity and no entity
 * expansion: a DTD or an entity reference refuses the whole file (XXE, billion laughs), as do
 * markup that is not well-formed and bytes that are not the declared encoding. A problem inside one
 * {@code <user>} (a missing or repeated element, a value too long) makes that row unreadable and
 * the reading goes on with the next.
 */
public final class AlmaUserReader implements AutoCloseable {

    private final XMLStreamReader xml;
    private final String file;
    private final ReadLimits limits;
    private final CanonicalRow row;
    private long elements;
    private boolean writing;
    private boolean started;
    private boolean finished;

    private AlmaUserReader(XMLStreamReader xml, String file, ReadLimits limits) {
        this.xml = xml;
        this.file = file;
        this.limits = limits;
        this.row = new CanonicalRow(limits.maxRowChars());
    }

    public static AlmaUserReader open(InputStream in, String file, ReadLimits limits) {
        var factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            factory.setProperty("jdk.xml.maxElementDepth", limits.maxDepth());
        } catch (IllegalArgumentException e) {
            // An older parser without the property: the reader counts the depth of what it reads.
        }
        try {
            var guarded = new BufferedInputStream(new MarkupRunGuard(in, limits.maxRunBytes()), 64 * 1024);
            return new AlmaUserReader(factory.createXMLStreamReader(guarded), file, limits);
        } catch (XMLStreamException e) {
            throw refusal(file, e);
        }
    }

    /** The {@code <user>} elements read (or skipped) so far. */
    public long elementsRead() {
        return elements;
    }

    /**
     * The characters of the last row's fixed form, at most one more than the largest row read: what
     * it weighs in memory once read, for a reader that keeps rows waiting.
     */
    public int lastRowChars() {
        return row.length();
    }

    /** The next row, or empty at the end of the file (which is then known to be well-formed). */
    public Optional<ReadRow> next() {
        try {
            var position = nextUser(true);
            if (position == null) {
                return Optional.empty();
            }
            var read = new UserParser(this, position).parse();
            if (row.tooLarge()) {
                return Optional.of(new ReadRow.Unreadable(
                        position, row.primaryId(), Reason.of("load.reason.row-too-large", limits.maxRowChars())));
            }
            return Optional.of(
                    read instanceof ReadRow.Read r ? new ReadRow.Read(position, r.user(), row.digest()) : read);
        } catch (XMLStreamException e) {
            throw refusal(file, e);
        }
    }

    /**
     * The next row as it was read, not made into a user (R-SIS-5): its fixed form ({@link
     * CanonicalRow}), its fingerprint and its primary id; empty at the end of the file.
     */
    public Optional<RawRow> nextRaw() {
        try {
            var position = nextUser(true);
            if (position == null) {
                return Optional.empty();
            }
            skip(1);
            var xml = row.xml();
            return Optional.of(
                    new RawRow(position, row.primaryId(), xml, xml == null ? null : CanonicalRow.digest(xml)));
        } catch (XMLStreamException e) {
            throw refusal(file, e);
        }
    }

    /** Goes past rows without building them, up to the given number of rows read (a restart). */
    public void skipTo(long element) {
        try {
            while (elements < element && nextUser(false) != null) {
                skip(1);
            }
        } catch (XMLStreamException e) {
            throw refusal(file, e);
        }
    }

    /**
     * Moves to the start of the next {@code <user>} and gives its position, its fixed form being
     * written from there when asked; null after the last one (the rest of the file read).
     */
    private @Nullable Position nextUser(boolean form) throws XMLStreamException {
        if (finished) {
            return null;
        }
        if (!started) {
            root();
            started = true;
        }
        while (true) {
            int event = step();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("user")) {
                    elements++;
                    if (form) {
                        row.begin(xml);
                        writing = true;
                    }
                    return new Position(file, elements, xml.getLocation().getLineNumber());
                }
                skip(1);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                // </users>: the rest must still be well-formed (comments, white space).
                while (step() != XMLStreamConstants.END_DOCUMENT) {
                    // trailing comments or processing instructions
                }
                finished = true;
                return null;
            }
        }
    }

    private void root() throws XMLStreamException {
        while (true) {
            int event = step();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!xml.getLocalName().equals("users")) {
                    throw new FileRefusedException(file, Reason.of("load.reason.root", xml.getLocalName()));
                }
                return;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new FileRefusedException(file, Reason.of("load.reason.empty"));
            }
        }
    }

    /** The next event; a DTD or an entity reference refuses the file. */
    int step() throws XMLStreamException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD
                || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw new FileRefusedException(
                    file, Reason.of("load.reason.dtd", xml.getLocation().getLineNumber()));
        }
        if (writing && row.add(event, xml)) {
            writing = false;
        }
        return event;
    }

    /** Goes past the element just started (depth 1) and everything in it, keeping nothing. */
    void skip(int depth) throws XMLStreamException {
        int level = depth;
        while (level > 0) {
            int event = step();
            if (event == XMLStreamConstants.START_ELEMENT) {
                level++;
                if (level > limits.maxDepth()) {
                    throw new FileRefusedException(file, Reason.of("load.reason.too-deep", limits.maxDepth()));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }

    XMLStreamReader xml() {
        return xml;
    }

    ReadLimits limits() {
        return limits;
    }

    private static FileRefusedException refusal(String file, XMLStreamException e) {
        var location = e.getLocation();
        var line = location == null ? -1 : location.getLineNumber();
        var column = location == null ? -1 : location.getColumnNumber();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LoadFile.ZipBombException bomb) {
                return new FileRefusedException(file, bomb.reason());
            }
            if (cause instanceof MarkupRunGuard.RunTooLongException) {
                return new FileRefusedException(file, Reason.of("load.reason.value-too-large"));
            }
            if (cause instanceof CharConversionException) {
                return new FileRefusedException(file, Reason.of("load.reason.encoding", line));
            }
            if (cause instanceof FileRefusedException refused) {
                return refused;
            }
        }
        var message = String.valueOf(e.getMessage());
        if (message.contains("byte") && message.contains("UTF-8")) {
            return new FileRefusedException(file, Reason.of("load.reason.encoding", line));
        }
        return new FileRefusedException(file, Reason.of("load.reason.not-well-formed", line, column));
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // Nothing was written: closing a reader cannot lose anything.
        }
    }
}
