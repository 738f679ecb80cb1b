package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.CurrentStaff;
import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.internal.CheckedContact;
import be.uliege.library.registration.patron.internal.ContactItem;
import be.uliege.library.registration.patron.internal.PatronNote;
import be.uliege.library.registration.patron.internal.PatronRepository;
import be.uliege.library.registration.security.Roles;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's API on a patron's local contact items and notes (R-EXT-2): any patron, also one loaded
 * from the university, may get local items and notes; the loaded ones stay read-only (R-EXT-1).
 * Every change goes to the history (R-REC-6) and is refused when the record changed meanwhile.
 */
@Service
public class PatronContacts {

    private final PatronStore store;
    private final PatronHistory history;
    private final PatronRepository patrons;
    private final PatronRules rules;
    private final CurrentStaff staff;

    PatronContacts(
            PatronStore store, PatronHistory history, PatronRepository patrons, PatronRules rules, CurrentStaff staff) {
        this.store = store;
        this.history = history;
        this.patrons = patrons;
        this.rules = rules;
        this.staff = staff;
    }

    /** Adds a local contact item to any patron (R-EXT-2). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails addLocalContact(long id, long expectedVersion, ContactDraft draft) {
        var patron = store.loadForChange(id, expectedVersion);
        var checked = rules.checkContact(draft, patron.getKind(), PatronRules.Actor.STAFF);
        var before = patron.snapshot();
        patron.addContact(ContactSource.LOCAL, checked);
        return PatronDetails.of(store.saveAndRecord(patron, before));
    }

    /** Replaces a local contact item; external ones are read-only (R-EXT-1). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails updateLocalContact(long id, long expectedVersion, long itemId, ContactDraft draft) {
        var patron = store.loadForChange(id, expectedVersion);
        var item = localItem(patron, itemId);
        var checked = rules.checkContact(draft, patron.getKind(), PatronRules.Actor.STAFF);
        var before = patron.snapshot();
        patron.replaceLocalContact(item, checked);
        return PatronDetails.of(store.saveAndRecord(patron, before));
    }

    /**
     * Deletes a local contact item; external ones cannot be deleted (R-EXT-1). The last e-mail of
     * a record cannot be deleted either (R-REC-2).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails removeLocalContact(long id, long expectedVersion, long itemId) {
        var patron = store.loadForChange(id, expectedVersion);
        var item = localItem(patron, itemId);
        long sameKind = patron.getContacts().stream()
                .filter(c -> c.getKind() == item.getKind())
                .count();
        if (sameKind == 1
                && (item.getKind() == ContactKind.EMAIL || patron.getKind().isExternal())) {
            throw new PatronRuleException(Violation.of("contact", "contact.last-of-kind"));
        }
        var before = patron.snapshot();
        patron.removeContact(item);
        return PatronDetails.of(store.saveAndRecord(patron, before));
    }

    /**
     * Sets or clears the preferred mark of any item (R-EXT-2). A local item marked preferred wins
     * over the external ones of its kind for letters and mails; clearing it hands them back to the
     * external item. Marking an external item preferred clears the local marks of its kind. Refused,
     * with the way out in words: clearing an external item's mark (the university chose it), or the
     * only local mark of a kind that has no external item (mark another item instead).
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails setPreferred(long id, long expectedVersion, long itemId, boolean preferred) {
        var patron = store.loadForChange(id, expectedVersion);
        var item = patron.contact(itemId)
                .orElseThrow(() -> new PatronRuleException(Violation.of("contact", "contact.not-found")));
        if (!preferred && item.isExternal()) {
            throw new PatronRuleException(Violation.of("contact", "contact.preferred-external"));
        }
        boolean externalOfKind =
                patron.getContacts().stream().anyMatch(c -> c.getKind() == item.getKind() && c.isExternal());
        if (!preferred && !externalOfKind) {
            throw new PatronRuleException(Violation.of("contact", "contact.preferred-needed"));
        }
        var before = patron.snapshot();
        patron.markPreferred(item, preferred);
        return PatronDetails.of(store.saveAndRecord(patron, before));
    }

    /** Copies an external item into a new local one that staff can then edit (R-EXT-2). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails duplicateContact(long id, long expectedVersion, long itemId) {
        var patron = store.loadForChange(id, expectedVersion);
        var item = patron.contact(itemId)
                .orElseThrow(() -> new PatronRuleException(Violation.of("contact", "contact.not-found")));
        var copy = item.toChecked();
        var before = patron.snapshot();
        patron.addContact(
                ContactSource.LOCAL,
                new CheckedContact(
                        copy.kind(),
                        copy.usage(),
                        false,
                        copy.value(),
                        copy.postalCode(),
                        copy.city(),
                        copy.country()));
        return PatronDetails.of(store.saveAndRecord(patron, before));
    }

    /** Adds a local note (R-EXT-2). */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails addNote(long id, long expectedVersion, String text) {
        var tidy = Text.tidy(text);
        if (tidy == null || tidy.isEmpty()) {
            throw new PatronRuleException(Violation.of("note", "required"));
        }
        if (tidy.length() > 2000) {
            throw new PatronRuleException(Violation.of("note", "text.too-long", 2000));
        }
        var patron = store.loadForChange(id, expectedVersion);
        patron.addNote(ContactSource.LOCAL, tidy, staff.actor(), store.now());
        patron.touch(store.now());
        patrons.saveAndFlush(patron);
        history.record(patron.getId(), Map.of(), Map.of("note", tidy));
        return PatronDetails.of(patron);
    }

    /**
     * Rewrites a local note (R-EXT-2): its author's, or any for a desk manager; the loaded ones are
     * read-only. The history keeps the old and the new text.
     */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails editNote(long id, long expectedVersion, long noteId, String text) {
        var tidy = tidyNote(text);
        var patron = store.loadForChange(id, expectedVersion);
        var note = changeableNote(patron, noteId);
        var old = note.getText();
        note.rewrite(tidy);
        patron.touch(store.now());
        patrons.saveAndFlush(patron);
        history.record(patron.getId(), Map.of("note", old), Map.of("note", tidy));
        return PatronDetails.of(patron);
    }

    /** Deletes a local note (R-EXT-2): its author's, or any for a desk manager. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    @Transactional
    public PatronDetails deleteNote(long id, long expectedVersion, long noteId) {
        var patron = store.loadForChange(id, expectedVersion);
        var note = changeableNote(patron, noteId);
        var old = note.getText();
        patron.removeNote(note);
        patron.touch(store.now());
        patrons.saveAndFlush(patron);
        history.record(patron.getId(), Map.of("note", old), Map.of());
        return PatronDetails.of(patron);
    }

    /** Whether the staff member may rewrite or delete the note: a local one, theirs or as a manager. */
    @PreAuthorize("hasRole('" + Roles.DESK_OPERATOR + "')")
    public boolean mayChange(PatronDetails.Note note) {
        return note.source() == ContactSource.LOCAL
                && (note.createdBy().equals(staff.actor()) || staff.hasRole(Roles.DESK_MANAGER));
    }

    private PatronNote changeableNote(Patron patron, long noteId) {
        var note =
                patron.note(noteId).orElseThrow(() -> new PatronRuleException(Violation.of("note", "note.not-found")));
        if (note.getSource() != ContactSource.LOCAL) {
            throw new PatronRuleException(Violation.of("note", "note.external-read-only"));
        }
        if (!note.getCreatedBy().equals(staff.actor()) && !staff.hasRole(Roles.DESK_MANAGER)) {
            throw new PatronRuleException(Violation.of("note", "note.not-yours", note.getCreatedBy()));
        }
        return note;
    }

    private static String tidyNote(String text) {
        var tidy = Text.tidy(text);
        if (tidy == null || tidy.isEmpty()) {
            throw new PatronRuleException(Violation.of("note", "required"));
        }
        if (tidy.length() > 2000) {
            throw new PatronRuleException(Violation.of("note", "text.too-long", 2000));
        }
        return tidy;
    }

    private ContactItem localItem(Patron patron, long itemId) {
        var item = patron.contact(itemId)
                .orElseThrow(() -> new PatronRuleException(Violation.of("contact", "contact.not-found")));
        if (item.isExternal()) {
            throw new PatronRuleException(Violation.of("contact", "contact.external-read-only"));
        }
        return item;
    }
}
