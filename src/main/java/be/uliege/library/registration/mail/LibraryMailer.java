package be.uliege.library.registration.mail;

import be.uliege.library.registration.security.Roles;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Sends one of the library's mails. The subject and body come from the bundles
 * ({@code mail.<name>.subject}, {@code mail.<name>.body}); the body's first argument is the
 * salutation. Logs never contain the address or the content.
 */
@Service
public class LibraryMailer {

    /**
     * Jakarta Mail (2.1) looks its stream provider up with a class-path scan for every header it
     * encodes or decodes; naming the provider once avoids that scan (about a tenth of the time spent
     * sending a mail). Set only when nobody configured it.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender sender;
    private final MessageSource messages;
    private final MailSettings settings;
    private final Environment environment;

    LibraryMailer(JavaMailSender sender, MessageSource messages, MailSettings settings, Environment environment) {
        this.sender = sender;
        this.messages = messages;
        this.settings = settings;
        this.environment = environment;
    }

    /** Who gets a mail: the address, the language and the salutation's form. */
    public record Recipient(String email, Locale language, Salutation salutation, String lastName) {}

    /** Madame, Monsieur, or neutral when the gender is not given. */
    public enum Salutation {
        MADAME,
        MONSIEUR,
        NEUTRAL
    }

    /**
     * Sends the mail now.
     *
     * @param args the body's arguments after the salutation ({1}, {2}…)
     * @throws MailException when the mail server refuses or cannot be reached: the caller's event
     *                       stays incomplete and is retried
     */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    public void send(Recipient to, String name, Object... args) {
        send(to, name, List.of(), args);
    }

    /** A file sent with a mail (a receipt). */
    public record Attachment(String fileName, String contentType, byte[] content) {}

    /** Sends the mail now, with files attached. */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    public void send(Recipient to, String name, List<Attachment> attachments, Object... args) {
        var locale = to.language();
        var salutation =
                messages.getMessage("mail.salutation." + to.salutation().name(), new Object[] {to.lastName()}, locale);
        var bodyArgs = new Object[args.length + 1];
        bodyArgs[0] = salutation;
        System.arraycopy(args, 0, bodyArgs, 1, args.length);
        var subject = messages.getMessage("mail." + name + ".subject", args, locale);
        var body = messages.getMessage("mail." + name + ".body", bodyArgs, locale);
        var message = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(to.email());
            helper.setSubject(subject);
            helper.setText(body + "\n\n" + messages.getMessage("mail.signature", null, locale), false);
            for (var attachment : attachments) {
                helper.addAttachment(
                        attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot prepare the mail " + name, e);
        }
        sender.send(message);
    }

    /**
     * An absolute link to a public page: under {@code PUBLIC_BASE_URL} (required in production);
     * without it, on the embedded defaults, under the port the application really listens on.
     */
    @PreAuthorize(Roles.STAFF_OR_SYSTEM)
    public String publicLink(String pathAndQuery) {
        var base = settings.publicBaseUrl().isBlank()
                ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
                        + environment.getProperty("server.servlet.context-path", "")
                : settings.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }
}
