package be.uliege.library.registration.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from          the sender of the library's mails
 * @param publicBaseUrl the address of the public pages, for links in mails
 */
@ConfigurationProperties("registration.mail")
public record MailSettings(String from, @DefaultValue("") String publicBaseUrl) {}
