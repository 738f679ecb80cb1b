package be.uliege.library.registration.preregistration;

/**
 * The public form's field names, which are also the API's JSON names, and their mapping from the
 * patron draft's fields (the form's e-mail, phone and address are the draft's contact items 0, 1
 * and 2).
 */
public final class FormFields {

    public static final String USE = "use";
    public static final String PRIVACY_ACCEPTED = "privacyNoticeAccepted";
    public static final String PRIVACY_VERSION = "privacyNoticeVersion";

    private FormFields() {}

    static String of(String draftField) {
        return switch (draftField) {
            case "userGroup" -> USE;
            case "contacts[0].value", "emails" -> "email";
            case "contacts[1].value", "phones" -> "phone";
            case "contacts[2].value", "addresses" -> "address.line1";
            case "contacts[2].postalCode" -> "address.postalCode";
            case "contacts[2].city" -> "address.city";
            case "contacts[2].country" -> "address.country";
            default -> draftField;
        };
    }
}
