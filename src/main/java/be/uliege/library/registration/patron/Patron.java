package be.uliege.library.registration.patron;

import be.uliege.library.registration.base.Text;
import be.uliege.library.registration.patron.contact.ContactDraft;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.identifier.IdentifierType;
import be.uliege.library.registration.patron.identifier.PrimaryIdentifier;
import be.uliege.library.registration.patron.internal.AdditionalIdentifier;
import be.uliege.library.registration.patron.internal.CheckedContact;
import be.uliege.library.registration.patron.internal.CheckedPatron;
import be.uliege.library.registration.patron.internal.ContactItem;
import be.uliege.library.registration.patron.internal.PatronNote;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The patron record (R-REC-1), the aggregate that guards its own rules: the purge date always
 * follows the expiration date (R-REC-3), B and BX records always carry the institutional-record
 * flag and the external owning system (R-REC-5), a changed primary identifier is kept as a former
 * one (R-ID-4), external contact items are read-only (R-EXT-1, R-EXT-2). Optimistic locking keeps
 * two people from overwriting each other's changes.
 *
 * <p>Longer than most classes: the aggregate's twenty-odd mapped columns and the intention-named
 * changes that keep them consistent.
 */
@Entity
@Table(name = "patron")
public class Patron {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    @Column(name = "primary_identifier", nullable = false, unique = true, length = 32)
    private String primaryIdentifier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private PatronKind kind;

    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(length = 1)
    private @Nullable Gender gender;

    @Column(name = "birth_date")
    private @Nullable LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_language", length = 3)
    private @Nullable Language preferredLanguage;

    @Column(name = "user_group", nullable = false, length = 100)
    private String userGroup;

    @Column(name = "job_category", length = 100)
    private @Nullable String jobCategory;

    @Column(name = "job_description", length = 200)
    private @Nullable String jobDescription;

    @Column(name = "resource_sharing_library", nullable = false, length = 100)
    private String resourceSharingLibrary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private PatronStatus status;

    @Column(name = "status_date", nullable = false)
    private LocalDate statusDate;

    @Column(name = "expiration_date", nullable = false)
    private LocalDate expirationDate;

    @Column(name = "purge_date", nullable = false)
    private LocalDate purgeDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", nullable = false, length = 8)
    private RecordType recordType;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false, length = 8)
    private AccountType accountType;

    @Column(name = "institutional_record", nullable = false)
    private boolean institutionalRecord;

    @Column(name = "owning_system", length = 100)
    private @Nullable String owningSystem;

    @Column(name = "university_key", unique = true, length = 32)
    private @Nullable String universityKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * The day of the last nightly load that saw this person (R-SIS-3). Written by the load alone
     * ({@link UniversityPeople}), never through the record's own changes: an unchanged night moves
     * no version (R-SIS-5).
     */
    @Column(name = "synchronized_on", insertable = false, updatable = false)
    private @Nullable LocalDate synchronizedOn;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "patron", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("kind, id")
    private List<ContactItem> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "patron", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<AdditionalIdentifier> identifiers = new ArrayList<>();

    @OneToMany(mappedBy = "patron", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt DESC")
    private List<PatronNote> notes = new ArrayList<>();

    /** The words of the names in their search form, for the accent-insensitive name search (R-ID-6). */
    @ElementCollection
    @CollectionTable(name = "patron_name_token", joinColumns = @JoinColumn(name = "patron_id"))
    @Column(name = "token", nullable = false, length = 100)
    private Set<String> nameTokens = new HashSet<>();

    protected Patron() {
        this.primaryIdentifier = "";
        this.kind = PatronKind.B;
        this.firstName = "";
        this.lastName = "";
        this.userGroup = "";
        this.resourceSharingLibrary = "";
        this.status = PatronStatus.INACTIVE;
        this.statusDate = LocalDate.EPOCH;
        this.expirationDate = LocalDate.EPOCH;
        this.purgeDate = LocalDate.EPOCH;
        this.recordType = RecordType.PUBLIC;
        this.accountType = AccountType.INTERNAL;
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    Patron(
            PrimaryIdentifier identifier,
            CheckedPatron data,
            PatronStatus status,
            PatronSettings settings,
            Instant now,
            LocalDate today) {
        this();
        this.primaryIdentifier = identifier.value();
        this.kind = identifier.kind();
        this.status = status;
        this.statusDate = today;
        this.accountType = identifier.kind().isExternal() ? AccountType.INTERNAL : AccountType.EXTERNAL;
        this.createdAt = now;
        this.updatedAt = now;
        apply(data, settings, now);
        for (var contact : data.contacts()) {
            contacts.add(new ContactItem(
                    this, identifier.kind().isExternal() ? ContactSource.LOCAL : ContactSource.EXTERNAL, contact));
        }
        normalisePreferred();
    }

    /** Replaces the identity and group fields with checked values; contact items are left alone. */
    void apply(CheckedPatron data, PatronSettings settings, Instant now) {
        this.firstName = data.firstName();
        this.lastName = data.lastName();
        this.gender = data.gender();
        this.birthDate = data.birthDate();
        this.preferredLanguage = data.preferredLanguage();
        this.userGroup = data.userGroup();
        this.jobCategory = data.jobCategory();
        this.jobDescription = data.jobDescription();
        this.resourceSharingLibrary = data.resourceSharingLibrary();
        this.universityKey = data.universityKey();
        changeExpirationDate(data.expirationDate(), settings);
        applyExternalPatronFlags(settings);
        var tokens = nameTokensOf(firstName, lastName);
        if (!tokens.equals(nameTokens)) {
            // The collection itself is kept: replacing it would rewrite every word at each change.
            nameTokens.retainAll(tokens);
            nameTokens.addAll(tokens);
        }
        this.updatedAt = now;
    }

    /** R-REC-3: the purge date is the expiration date plus the configured years, always. */
    void changeExpirationDate(LocalDate expiration, PatronSettings settings) {
        this.expirationDate = expiration;
        this.purgeDate = expiration.plusYears(settings.purgeAfterYears());
    }

    /** R-REC-5: B and BX records are institutional and owned by the external public's system. */
    private void applyExternalPatronFlags(PatronSettings settings) {
        if (kind.isExternal()) {
            this.institutionalRecord = true;
            this.owningSystem = settings.externalOwningSystem();
            this.recordType = RecordType.PUBLIC;
        }
    }

    /**
     * Marks the record changed. Every change goes through here, so that the version grows even
     * when only a contact item or a note changed (those collections do not version the record).
     */
    void touch(Instant now) {
        this.updatedAt = now;
    }

    /** Sets the status; the status date records the day of the last change. */
    void changeStatus(PatronStatus newStatus, LocalDate today) {
        if (newStatus != status) {
            this.status = newStatus;
            this.statusDate = today;
        }
    }

    /**
     * R-ID-4: gives the patron a new primary identifier and keeps the old one as a former primary
     * identifier, so that look-ups by the old one keep working.
     */
    void changePrimaryIdentifier(PrimaryIdentifier newIdentifier, PatronSettings settings) {
        if (newIdentifier.value().equals(primaryIdentifier)) {
            return;
        }
        identifiers.add(new AdditionalIdentifier(this, IdentifierType.FORMER_PRIMARY, primaryIdentifier));
        this.primaryIdentifier = newIdentifier.value();
        this.kind = newIdentifier.kind();
        if (kind.isExternal()) {
            this.accountType = AccountType.INTERNAL; // managed here from now on
        }
        applyExternalPatronFlags(settings);
    }

    void addIdentifier(IdentifierType type, String value) {
        identifiers.add(new AdditionalIdentifier(this, type, value));
    }

    ContactItem addContact(ContactSource source, CheckedContact contact) {
        var item = new ContactItem(this, source, contact);
        contacts.add(item);
        if (contact.preferred()) {
            preferOnly(item);
        }
        normalisePreferred();
        return item;
    }

    void replaceLocalContact(ContactItem item, CheckedContact contact) {
        item.replaceWith(contact);
        if (contact.preferred()) {
            preferOnly(item);
        }
        normalisePreferred();
    }

    /**
     * Replaces the items of one kind with the given ones, all local; the items of the other kinds
     * stay as they are (a take-over where the operator chose the new e-mail only, R-DESK-3).
     */
    void replaceContactsOf(ContactKind kindOfItems, List<CheckedContact> replacement) {
        contacts.removeIf(c -> c.getKind() == kindOfItems);
        for (var contact : replacement) {
            if (contact.kind() == kindOfItems) {
                contacts.add(new ContactItem(this, ContactSource.LOCAL, contact));
            }
        }
        normalisePreferred();
    }

    /**
     * R-EXT-2: the external items are replaced by the file's; local items, their preferred marks and
     * the notes stay as they are.
     */
    void replaceExternalContacts(List<CheckedContact> external) {
        // An item the file still holds stays the same item (its id, and no "removed, added" in the
        // history); only its preferred mark follows the file. The others go, the new ones come.
        var kept = new ArrayList<ContactItem>();
        var added = new ArrayList<CheckedContact>();
        for (var contact : external) {
            var same = contacts.stream()
                    .filter(c -> c.isExternal() && !kept.contains(c) && sameValues(c.toChecked(), contact))
                    .findFirst();
            if (same.isPresent()) {
                same.get().setPreferred(contact.preferred());
                kept.add(same.get());
            } else {
                added.add(contact);
            }
        }
        contacts.removeIf(c -> c.isExternal() && !kept.contains(c));
        for (var contact : added) {
            contacts.add(new ContactItem(this, ContactSource.EXTERNAL, contact));
        }
        normalisePreferred();
    }

    private static boolean sameValues(CheckedContact a, CheckedContact b) {
        return a.kind() == b.kind()
                && a.usage() == b.usage()
                && a.value().equals(b.value())
                && Objects.equals(a.postalCode(), b.postalCode())
                && Objects.equals(a.city(), b.city())
                && Objects.equals(a.country(), b.country());
    }

    /**
     * R-CNV-3: a record managed here (a former student converted to B, say) is loaded from the
     * university again: external once more, no longer the external public's institutional record,
     * under the identifier the university gave; the one it had is kept as a former identifier
     * (R-ID-4). Also a student who became staff (or back): one record, the file's identifier.
     */
    void rejoinUniversity(PrimaryIdentifier universityIdentifier) {
        if (!universityIdentifier.value().equals(primaryIdentifier)) {
            identifiers.removeIf(i -> i.getValue().equals(universityIdentifier.value()));
            if (identifiers.stream().noneMatch(i -> i.getValue().equals(primaryIdentifier))) {
                identifiers.add(new AdditionalIdentifier(this, IdentifierType.FORMER_PRIMARY, primaryIdentifier));
            }
            this.primaryIdentifier = universityIdentifier.value();
            this.kind = universityIdentifier.kind();
        }
        this.accountType = AccountType.EXTERNAL;
        this.institutionalRecord = false;
        this.owningSystem = null;
        this.recordType = RecordType.PUBLIC;
    }

    /** Every item becomes local: the record is no longer loaded from the university (R-CNV-1). */
    void detachContacts() {
        contacts.forEach(ContactItem::detach);
        normalisePreferred();
    }

    void removeContact(ContactItem item) {
        contacts.remove(item);
        normalisePreferred();
    }

    /**
     * R-EXT-2: marks the item preferred among its kind and source, or clears its mark. An external
     * item marked preferred takes the letters back from the local items of its kind.
     */
    void markPreferred(ContactItem item, boolean preferred) {
        item.setPreferred(preferred);
        if (preferred) {
            preferOnly(item);
            if (item.isExternal()) {
                contacts.stream()
                        .filter(c -> c.getKind() == item.getKind() && !c.isExternal())
                        .forEach(c -> c.setPreferred(false));
            }
        }
        normalisePreferred();
    }

    /** Among items of the same kind and source, only the given one stays preferred. */
    private void preferOnly(ContactItem preferred) {
        for (var item : contacts) {
            if (item != preferred
                    && item.getKind() == preferred.getKind()
                    && item.getSource() == preferred.getSource()) {
                item.setPreferred(false);
            }
        }
    }

    /**
     * Each kind of each source has one preferred item at most, and exactly one when it has any —
     * except local items beside external ones of the same kind (R-EXT-2): there, a local item is
     * preferred only when staff marked it so, since a preferred local item wins over the external one.
     * An unmarked local e-mail added to a loaded record must not take the letters away from the
     * university's address.
     */
    private void normalisePreferred() {
        for (var source : ContactSource.values()) {
            for (var kindOfItem : ContactKind.values()) {
                var ofKind = contacts.stream()
                        .filter(c -> c.getKind() == kindOfItem && c.getSource() == source)
                        .toList();
                var preferred = ofKind.stream().filter(ContactItem::isPreferred).toList();
                boolean besideExternal = source == ContactSource.LOCAL
                        && contacts.stream().anyMatch(c -> c.getKind() == kindOfItem && c.isExternal());
                if (preferred.size() > 1 || (!ofKind.isEmpty() && preferred.isEmpty() && !besideExternal)) {
                    var keep = preferred.isEmpty() ? ofKind.getFirst() : preferred.getFirst();
                    ofKind.forEach(c -> c.setPreferred(c == keep));
                }
            }
        }
    }

    void addNote(ContactSource source, String text, String author, Instant now) {
        notes.addFirst(new PatronNote(this, source, text, author, now));
    }

    Optional<PatronNote> note(long noteId) {
        return notes.stream()
                .filter(n -> n.getId() != null && n.getId() == noteId)
                .findFirst();
    }

    void removeNote(PatronNote note) {
        notes.remove(note);
    }

    /**
     * R-EXT-2: the item letters and mails use for a kind: a local preferred item wins over the
     * external one.
     */
    public Optional<ContactItem> preferred(ContactKind kindOfItem) {
        var ofKind = contacts.stream().filter(c -> c.getKind() == kindOfItem).toList();
        return ofKind.stream()
                .filter(c -> c.isPreferred() && !c.isExternal())
                .findFirst()
                .or(() -> ofKind.stream().filter(ContactItem::isPreferred).findFirst())
                .or(() -> ofKind.stream().findFirst());
    }

    /** The words of the names in their search form, as the record stores them (R-ID-6). */
    Set<String> nameTokens() {
        return Collections.unmodifiableSet(nameTokens);
    }

    static Set<String> nameTokensOf(String first, String last) {
        return Arrays.stream((Text.searchKey(first) + " " + Text.searchKey(last)).split(" "))
                .filter(t -> !t.isEmpty())
                .map(t -> t.length() > 100 ? t.substring(0, 100) : t)
                .collect(Collectors.toSet());
    }

    /** Every recorded field with its value as text, for the history (R-REC-6). */
    Map<String, String> snapshot() {
        var s = new LinkedHashMap<String, String>();
        s.put("primaryIdentifier", primaryIdentifier);
        s.put("firstName", firstName);
        s.put("lastName", lastName);
        s.put("gender", String.valueOf(gender));
        s.put("birthDate", String.valueOf(birthDate));
        s.put("preferredLanguage", preferredLanguage == null ? "null" : preferredLanguage.code());
        s.put("userGroup", userGroup);
        s.put("jobCategory", String.valueOf(jobCategory));
        s.put("jobDescription", String.valueOf(jobDescription));
        s.put("resourceSharingLibrary", resourceSharingLibrary);
        s.put("status", status.name());
        s.put("expirationDate", expirationDate.toString());
        s.put("purgeDate", purgeDate.toString());
        s.put("accountType", accountType.name());
        s.put("institutionalRecord", String.valueOf(institutionalRecord));
        s.put("owningSystem", String.valueOf(owningSystem));
        s.put("universityKey", String.valueOf(universityKey));
        for (var item : contacts) {
            s.put(
                    "contact." + item.getKind().name().toLowerCase() + "."
                            + (item.getId() == null ? "new" : item.getId()),
                    item.getSource() + " " + item.getUsage() + (item.isPreferred() ? " preferred " : " ")
                            + item.display());
        }
        for (var identifier : identifiers) {
            s.put(
                    "identifier." + identifier.getType().name().toLowerCase() + "." + identifier.getValue(),
                    identifier.getValue());
        }
        return s;
    }

    public Long getId() {
        if (id == null) {
            throw new IllegalStateException("The patron is not saved yet");
        }
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getPrimaryIdentifier() {
        return primaryIdentifier;
    }

    public PatronKind getKind() {
        return kind;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public @Nullable Gender getGender() {
        return gender;
    }

    public @Nullable LocalDate getBirthDate() {
        return birthDate;
    }

    public @Nullable Language getPreferredLanguage() {
        return preferredLanguage;
    }

    public String getUserGroup() {
        return userGroup;
    }

    public @Nullable String getJobCategory() {
        return jobCategory;
    }

    public @Nullable String getJobDescription() {
        return jobDescription;
    }

    public String getResourceSharingLibrary() {
        return resourceSharingLibrary;
    }

    public PatronStatus getStatus() {
        return status;
    }

    public LocalDate getStatusDate() {
        return statusDate;
    }

    public LocalDate getExpirationDate() {
        return expirationDate;
    }

    public LocalDate getPurgeDate() {
        return purgeDate;
    }

    public RecordType getRecordType() {
        return recordType;
    }

    public AccountType getAccountType() {
        return accountType;
    }

    public boolean hasInstitutionalRecord() {
        return institutionalRecord;
    }

    public @Nullable String getOwningSystem() {
        return owningSystem;
    }

    public @Nullable String getUniversityKey() {
        return universityKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The day of the last nightly load that saw this person (R-SIS-3); null if never loaded. */
    public @Nullable LocalDate getSynchronizedOn() {
        return synchronizedOn;
    }

    public List<ContactItem> getContacts() {
        return Collections.unmodifiableList(contacts);
    }

    public List<AdditionalIdentifier> getIdentifiers() {
        return Collections.unmodifiableList(identifiers);
    }

    public List<PatronNote> getNotes() {
        return Collections.unmodifiableList(notes);
    }

    Optional<ContactItem> contact(long itemId) {
        return contacts.stream()
                .filter(c -> c.getId() != null && c.getId() == itemId)
                .findFirst();
    }

    /** Reconstructs the draft this record would be typed as, for editing. */
    public PatronDraft toDraft() {
        return new PatronDraft(
                firstName,
                lastName,
                gender,
                birthDate,
                preferredLanguage,
                userGroup,
                jobCategory,
                jobDescription,
                resourceSharingLibrary,
                expirationDate,
                universityKey,
                contacts.stream()
                        .map(c -> new ContactDraft(
                                c.getKind(),
                                c.getUsage(),
                                c.isPreferred(),
                                c.getValue(),
                                c.getPostalCode(),
                                c.getCity(),
                                c.getCountry()))
                        .toList());
    }
}
