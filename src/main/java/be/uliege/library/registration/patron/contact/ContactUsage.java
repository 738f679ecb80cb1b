package be.uliege.library.registration.patron.contact;

/** The type of a contact item (R-REC-2: an e-mail always has its type). */
public enum ContactUsage {
    PERSONAL,
    WORK,
    HOME,
    MOBILE,
    /** The main printer of a desk site, for a patron without e-mail (R-CON-3). */
    PRINTER
}
