package be.uliege.library.registration.card.api;

import be.uliege.library.registration.base.NetworkRange;
import be.uliege.library.registration.card.CardSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * R-CARD-6: who may fetch photos — a client whose address is in one of the configured networks,
 * or one that sends {@code Authorization: Bearer <token>} with the configured token. The settings
 * are read at startup, and a malformed range or a weak token stops the application with the
 * setting's name.
 */
@Component
class AllowedClients {

    /** The shortest token accepted: about 190 bits as base64, guessing is no way in. */
    static final int MIN_TOKEN_LENGTH = 32;

    private static final String BEARER = "bearer ";

    /** How a client was let in, for the log. */
    enum Admission {
        NETWORK,
        TOKEN,
        REFUSED
    }

    private final List<NetworkRange> networks;
    private final byte @Nullable [] tokenDigest;

    AllowedClients(CardSettings settings) {
        var photos = settings.photos();
        var ranges = new ArrayList<NetworkRange>();
        for (var text : photos.allowedNetworks()) {
            try {
                ranges.add(NetworkRange.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("registration.cards.photos.allowed-networks: " + e.getMessage(), e);
            }
        }
        this.networks = List.copyOf(ranges);
        var token = photos.token() == null ? "" : photos.token().strip();
        if (!token.isEmpty() && (token.length() < MIN_TOKEN_LENGTH || !token.matches("[\\x21-\\x7e]+"))) {
            throw new IllegalArgumentException("registration.cards.photos.token: at least " + MIN_TOKEN_LENGTH
                    + " printable characters without spaces, or empty for networks only");
        }
        this.tokenDigest = token.isEmpty() ? null : sha256(token);
    }

    /**
     * Whether this client may fetch photos.
     *
     * @param remoteAddress the address the servlet container reports for the client
     * @param authorization the {@code Authorization} header, if any
     */
    Admission admit(@Nullable String remoteAddress, @Nullable String authorization) {
        for (var network : networks) {
            if (network.contains(remoteAddress)) {
                return Admission.NETWORK;
            }
        }
        if (tokenDigest != null
                && authorization != null
                && authorization.length() > BEARER.length()
                && authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            // Digests of the same length: the comparison takes the same time however much is right.
            var presented = sha256(authorization.substring(BEARER.length()).strip());
            if (MessageDigest.isEqual(presented, tokenDigest)) {
                return Admission.TOKEN;
            }
        }
        return Admission.REFUSED;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
