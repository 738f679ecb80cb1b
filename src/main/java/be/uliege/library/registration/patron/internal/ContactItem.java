package be.uliege.library.registration.patron.internal;

import be.uliege.library.registration.patron.Patron;
import be.uliege.library.registration.patron.contact.ContactKind;
import be.uliege.library.registration.patron.contact.ContactSource;
import be.uliege.library.registration.patron.contact.ContactUsage;
import be.uliege.library.registration.patron.contact.PhoneNumber;
import be.uliege.library.registration.patron.contact.PostalAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An address, a phone number or an e-mail of a patron, local or external, one of each kind
 * possibly marked preferred (R-EXT-2). Values are stored checked: e-mails normalised, phones as
 * digits only, addresses with their postal code and city in their own fields (R-CON-4).
 */
@Entity
@Table(name = "contact_item")
public class ContactItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patron_id")
    private Patron patron;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private ContactKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private ContactSource source;

    @Enumerated(EnumType.STRING)
    @Column(name = "usage_type", nullable = false, length = 10)
    private ContactUsage usage;

    @Column(nullable = false)
    private boolean preferred;

    /** The e-mail address or the phone digits; for an address, its first line. */
    @Column(name = "item_value", nullable = false, length = 254)
    private String value;

    @Column(name = "postal_code", length = 16)
    private @Nullable String postalCode;

    @Column(length = 100)
    private @Nullable String city;

    @Column(length = 2)
    private @Nullable String country;

    protected ContactItem() {
        this.patron = null;
        this.kind = ContactKind.EMAIL;
        this.source = ContactSource.LOCAL;
        this.usage = ContactUsage.PERSONAL;
        this.value = "";
    }

    public ContactItem(Patron patron, ContactSource source, CheckedContact contact) {
        this.patron = patron;
        this.source = source;
        this.kind = contact.kind();
        this.usage = contact.usage();
        this.preferred = contact.preferred();
        this.value = contact.value();
        this.postalCode = contact.postalCode();
        this.city = contact.city();
        this.country = contact.country();
    }

    public void replaceWith(CheckedContact contact) {
        this.kind = contact.kind();
        this.usage = contact.usage();
        this.preferred = contact.preferred();
        this.value = contact.value();
        this.postalCode = contact.postalCode();
        this.city = contact.city();
        this.country = contact.country();
    }

    public void setPreferred(boolean preferred) {
        this.preferred = preferred;
    }

    /** The item becomes local: its record is managed here from now on (a conversion, R-CNV-1). */
    public void detach() {
        this.source = ContactSource.LOCAL;
    }

    public @Nullable Long getId() {
        return id;
    }

    public ContactKind getKind() {
        return kind;
    }

    public ContactSource getSource() {
        return source;
    }

    public boolean isExternal() {
        return source == ContactSource.EXTERNAL;
    }

    public ContactUsage getUsage() {
        return usage;
    }

    public boolean isPreferred() {
        return preferred;
    }

    public String getValue() {
        return value;
    }

    public @Nullable String getPostalCode() {
        return postalCode;
    }

    public @Nullable String getCity() {
        return city;
    }

    public @Nullable String getCountry() {
        return country;
    }

    /** The item as one line, for history and lists: phones in their readable form. */
    public String display() {
        return display(toChecked());
    }

    /** A checked item as one line, as {@link #display()} shows a stored one. */
    public static String display(CheckedContact contact) {
        return switch (contact.kind()) {
            case EMAIL -> contact.value();
            case PHONE -> new PhoneNumber(contact.value()).display();
            case ADDRESS ->
                new PostalAddress(contact.value(), contact.postalCode(), contact.city(), contact.country()).display();
        };
    }

    /** The postal address of an address item; empty for an e-mail or a phone. */
    public Optional<PostalAddress> address() {
        return kind == ContactKind.ADDRESS
                ? Optional.of(new PostalAddress(value, postalCode, city, country))
                : Optional.empty();
    }

    public CheckedContact toChecked() {
        return new CheckedContact(kind, usage, preferred, value, postalCode, city, country);
    }
}
