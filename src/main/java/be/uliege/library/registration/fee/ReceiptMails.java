package be.uliege.library.registration.fee;

import be.uliege.library.registration.mail.LibraryMailer;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.Patrons;
import java.util.List;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Mails a receipt the patron asked for (R-FEE-2), after the commit; retried if the mail server is down. */
@Component
class ReceiptMails {

    private final Fees fees;
    private final Patrons patrons;
    private final LibraryMailer mailer;

    ReceiptMails(Fees fees, Patrons patrons, LibraryMailer mailer) {
        this.fees = fees;
        this.patrons = patrons;
        this.mailer = mailer;
    }

    @ApplicationModuleListener
    void on(ReceiptMailRequested event) {
        var recipient = patrons.mailRecipient(PatronId.of(event.patronId())).orElse(null);
        if (recipient == null) {
            return;
        }
        var language = recipient.language() == null
                ? Locale.FRENCH
                : recipient.language().locale();
        var pdf = ReceiptPdf.render(fees.receipt(event.receiptNumber(), language));
        mailer.send(
                recipient.toMail(),
                "receipt",
                List.of(new LibraryMailer.Attachment(event.receiptNumber() + ".pdf", "application/pdf", pdf)),
                event.receiptNumber());
    }
}
