package be.uliege.library.registration.load.file;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <user>}, element by element, as {@code load/alma-users.xsd} describes it: the
 * elements it knows are read, the others skipped. The first problem met is the row's reason; the
 * parser still reads to the end of the {@code <user>}, so the next row starts clean.
 */
final class UserParser {

    private static final Set<String> SINGLE = Set.of(
            "record_type",
            "primary_id",
            "first_name",
            "middle_name",
            "last_name",
            "user_title",
            "job_category",
            "job_description",
            "gender",
            "user_group",
            "campus_code",
            "preferred_language",
            "birth_date",
            "expiry_date",
            "purge_date",
            "account_type",
            "external_id",
            "status");

    private final AlmaUserReader reader;
    private final Position position;
    private final Map<String, String> values = new HashMap<>();
    private final List<AlmaUser.Address> addresses = new ArrayList<>();
    private final List<AlmaUser.Email> emails = new ArrayList<>();
    private final List<AlmaUser.Phone> phones = new ArrayList<>();
    private final List<AlmaUser.Identifier> identifiers = new ArrayList<>();
    private final List<AlmaUser.Note> notes = new ArrayList<>();
    private final List<AlmaUser.Statistic> statistics = new ArrayList<>();
    private final List<String> libraries = new ArrayList<>();
    private @Nullable Reason problem;

    UserParser(AlmaUserReader reader, Position position) {
        this.reader = reader;
        this.position = position;
    }

    ReadRow parse() throws XMLStreamException {
        children(2, name -> {
            if (SINGLE.contains(name)) {
                single(values, name);
            } else {
                switch (name) {
                    case "contact_info" -> children(3, this::contact);
                    case "user_identifiers" ->
                        children(3, n -> item(n, "user_identifier", identifiers, this::identifier));
                    case "user_notes" -> children(3, n -> item(n, "user_note", notes, this::note));
                    case "user_statistics" -> children(3, n -> item(n, "user_statistic", statistics, this::statistic));
                    case "rs_libraries" -> children(3, n -> item(n, "rs_library", libraries, this::library));
                    default -> reader.skip(1);
                }
            }
        });
        for (var required : List.of("primary_id", "last_name", "user_group")) {
            if (problem == null && values.get(required) == null) {
                problem = Reason.of("load.reason.missing-element", required);
            }
        }
        if (problem != null) {
            return new ReadRow.Unreadable(position, values.get("primary_id"), problem);
        }
        return new ReadRow.Read(
                position,
                new AlmaUser(
                        values.get("record_type"),
                        values.get("primary_id"),
                        values.get("first_name"),
                        values.get("middle_name"),
                        values.get("last_name"),
                        values.get("user_title"),
                        values.get("job_category"),
                        values.get("job_description"),
                        values.get("gender"),
                        values.get("user_group"),
                        values.get("campus_code"),
                        values.get("preferred_language"),
                        values.get("birth_date"),
                        values.get("expiry_date"),
                        values.get("purge_date"),
                        values.get("account_type"),
                        values.get("external_id"),
                        values.get("status"),
                        addresses,
                        emails,
                        phones,
                        identifiers,
                        notes,
                        statistics,
                        libraries),
                null);
    }

    /** Something done with a child element just started. */
    private interface Child {
        void read(String name) throws XMLStreamException;
    }

    /** Reads the children of the element just started, up to its end. */
    private void children(int depth, Child child) throws XMLStreamException {
        if (depth > reader.limits().maxDepth()) {
            throw new FileRefusedException(
                    position.file(),
                    Reason.of("load.reason.too-deep", reader.limits().maxDepth()));
        }
        var xml = reader.xml();
        while (true) {
            int event = reader.step();
            if (event == XMLStreamConstants.START_ELEMENT) {
                child.read(xml.getLocalName());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && !xml.isWhiteSpace()
                    && problem == null) {
                problem = Reason.of("load.reason.text-in-structure");
            }
        }
    }

    private void contact(String name) throws XMLStreamException {
        switch (name) {
            case "addresses" -> children(4, n -> item(n, "address", addresses, this::address));
            case "emails" -> children(4, n -> item(n, "email", emails, this::email));
            case "phones" -> children(4, n -> item(n, "phone", phones, this::phone));
            default -> reader.skip(1);
        }
    }

    /** One item of a list: counted, read if it is the expected element, skipped otherwise. */
    private <T> void item(String name, String expected, List<T> into, Supplier<ItemReader<T>> parser)
            throws XMLStreamException {
        if (!name.equals(expected)) {
            reader.skip(1);
            return;
        }
        if (into.size() >= reader.limits().maxChildren()) {
            if (problem == null) {
                problem = Reason.of(
                        "load.reason.too-many", expected, reader.limits().maxChildren());
            }
            reader.skip(1);
            return;
        }
        into.add(parser.get().read());
    }

    /** Reads one item whose element was just started. */
    private interface ItemReader<T> {
        T read() throws XMLStreamException;
    }

    private ItemReader<AlmaUser.Address> address() {
        return () -> {
            var preferred = bool("preferred");
            var segment = attribute("segment_type");
            var fields = new HashMap<String, String>();
            var types = new ArrayList<String>();
            children(5, n -> {
                if (n.equals("address_types")) {
                    children(6, t -> item(t, "address_type", types, this::code));
                } else {
                    single(fields, n);
                }
            });
            return new AlmaUser.Address(
                    preferred,
                    segment,
                    fields.get("line1"),
                    fields.get("line2"),
                    fields.get("line3"),
                    fields.get("line4"),
                    fields.get("line5"),
                    fields.get("city"),
                    fields.get("state_province"),
                    fields.get("postal_code"),
                    fields.get("country"),
                    types);
        };
    }

    private ItemReader<AlmaUser.Email> email() {
        return () -> {
            var preferred = bool("preferred");
            var segment = attribute("segment_type");
            var fields = new HashMap<String, String>();
            var types = new ArrayList<String>();
            children(5, n -> {
                if (n.equals("email_types")) {
                    children(6, t -> item(t, "email_type", types, this::code));
                } else {
                    single(fields, n);
                }
            });
            return new AlmaUser.Email(preferred, segment, fields.get("email_address"), types);
        };
    }

    private ItemReader<AlmaUser.Phone> phone() {
        return () -> {
            var preferred = bool("preferred");
            var segment = attribute("segment_type");
            var fields = new HashMap<String, String>();
            var types = new ArrayList<String>();
            children(5, n -> {
                if (n.equals("phone_types")) {
                    children(6, t -> item(t, "phone_type", types, this::code));
                } else {
                    single(fields, n);
                }
            });
            return new AlmaUser.Phone(preferred, segment, fields.get("phone_number"), types);
        };
    }

    private ItemReader<AlmaUser.Identifier> identifier() {
        return () -> {
            var segment = attribute("segment_type");
            var fields = new HashMap<String, String>();
            children(4, n -> single(fields, n));
            return new AlmaUser.Identifier(segment, fields.get("id_type"), fields.get("value"), fields.get("status"));
        };
    }

    private ItemReader<AlmaUser.Note> note() {
        return () -> {
            var segment = attribute("segment_type");
            var fields = new HashMap<String, String>();
            children(4, n -> single(fields, n));
            return new AlmaUser.Note(segment, fields.get("note_type"), fields.get("note_text"));
        };
    }

    private ItemReader<AlmaUser.Statistic> statistic() {
        return () -> {
            var segment = attribute("segment_type");
            var fields = new HashMap<String, String>();
            children(4, n -> single(fields, n));
            return new AlmaUser.Statistic(segment, fields.get("statistic_category"), fields.get("category_type"));
        };
    }

    private ItemReader<String> library() {
        return () -> {
            var fields = new HashMap<String, String>();
            children(4, n -> single(fields, n));
            return String.valueOf(fields.get("code"));
        };
    }

    private ItemReader<String> code() {
        return () -> String.valueOf(text("type"));
    }

    /** A value that may appear once; a second one makes the row unreadable. */
    private void single(Map<String, String> into, String name) throws XMLStreamException {
        var value = text(name);
        if (into.containsKey(name)) {
            if (problem == null) {
                problem = Reason.of("load.reason.repeated", name);
            }
            return;
        }
        into.put(name, value);
    }

    /**
     * The text of the element just started, trimmed, null when empty. Never kept beyond the limit:
     * past it, the rest is read and dropped, and the row is unreadable.
     */
    private @Nullable String text(String name) throws XMLStreamException {
        var xml = reader.xml();
        var text = new StringBuilder();
        boolean tooLong = false;
        while (true) {
            int event = reader.step();
            if (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (!tooLong) {
                    int room = reader.limits().maxTextLength() - text.length();
                    int length = xml.getTextLength();
                    if (length > room) {
                        tooLong = true;
                    } else {
                        text.append(xml.getTextCharacters(), xml.getTextStart(), length);
                    }
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (problem == null) {
                    problem = Reason.of("load.reason.not-text", name);
                }
                reader.skip(1);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (tooLong) {
            if (problem == null) {
                problem =
                        Reason.of("load.reason.too-long", name, reader.limits().maxTextLength());
            }
            return null;
        }
        var value = text.toString().strip();
        return value.isEmpty() ? null : value;
    }

    /** An attribute without a namespace (the ones the row's fixed form keeps, {@link CanonicalRow}). */
    private @Nullable String attribute(String name) {
        var xml = reader.xml();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            var namespace = xml.getAttributeNamespace(i);
            if ((namespace == null || namespace.isEmpty())
                    && xml.getAttributeLocalName(i).equals(name)) {
                var value = xml.getAttributeValue(i);
                return value == null || value.isBlank() ? null : value.strip();
            }
        }
        return null;
    }

    private boolean bool(String name) {
        var value = attribute(name);
        return value != null && (value.equals("true") || value.equals("1"));
    }
}
