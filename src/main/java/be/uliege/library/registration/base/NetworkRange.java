package be.uliege.library.registration.base;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A range of client addresses in CIDR notation — {@code 192.0.2.0/24}, {@code 2001:db8::/32} —
 * or a single address ({@code 127.0.0.1} is {@code /32}, {@code ::1} is {@code /128}). Only
 * address literals are read, never a host name: nothing here makes a name lookup. An IPv4-mapped
 * IPv6 address ({@code ::ffff:192.0.2.7}) is the IPv4 address it maps.
 */
public final class NetworkRange {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9]\\d{0,2}");

    private final byte[] network;
    private final int prefix;

    private NetworkRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Reads a range; the address must be the range's first one (no bits set past the prefix), so
     * that a typo such as {@code 10.1.2.3/8} is refused rather than silently widened.
     *
     * @throws IllegalArgumentException naming the text and what is expected
     */
    public static NetworkRange parse(String cidr) {
        var text = cidr.strip();
        int slash = text.indexOf('/');
        var address = slash < 0 ? text : text.substring(0, slash);
        var bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not a network range: expected an IPv4 or IPv6 "
                    + "address, optionally followed by /prefix (e.g. 192.0.2.0/24, 2001:db8::/32)");
        }
        boolean mapped = bytes.length == 4 && address.indexOf(':') >= 0;
        int width = bytes.length * 8 + (mapped ? 96 : 0);
        int prefix = width;
        if (slash >= 0) {
            var digits = text.substring(slash + 1);
            if (!PREFIX.matcher(digits).matches() || Integer.parseInt(digits) > width) {
                throw new IllegalArgumentException(
                        "'" + cidr + "': the prefix length must be a number from 0 to " + width);
            }
            prefix = Integer.parseInt(digits);
        }
        if (mapped) {
            if (prefix < 96) {
                throw new IllegalArgumentException("'" + cidr + "': an IPv4-mapped range needs a prefix of 96 or more");
            }
            prefix -= 96;
        }
        var network = mask(bytes, prefix);
        if (!Arrays.equals(network, bytes)) {
            var first = new NetworkRange(network, prefix);
            throw new IllegalArgumentException(
                    "'" + cidr + "' has bits set past its /" + prefix + " prefix: did you mean " + first + "?");
        }
        return new NetworkRange(network, prefix);
    }

    /**
     * Whether an address (as a servlet container reports it, an IPv6 zone such as {@code %eth0}
     * ignored) is in this range; {@code false} for anything that is not an address literal.
     */
    public boolean contains(@Nullable String address) {
        if (address == null) {
            return false;
        }
        int zone = address.indexOf('%');
        var bytes = literal(zone < 0 ? address : address.substring(0, zone));
        return bytes != null && bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
    }

    /** The address's bytes (4 or 16) when it is an IPv4 or IPv6 literal, else {@code null}. */
    private static byte @Nullable [] literal(String address) {
        if (IPV4.matcher(address).matches()) {
            var bytes = new byte[4];
            var parts = address.split("\\.");
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        if (address.indexOf(':') < 0 || !IPV6.matcher(address).matches()) {
            return null;
        }
        try {
            // Starts with a hex digit or ':' and contains ':': the JDK reads it as an IPv6 literal
            // or refuses it, never looks it up.
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] mask(byte[] address, int prefix) {
        var masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            masked[i] &= (byte) (0xff << (8 - keep));
        }
        return masked;
    }

    /** The range in CIDR notation, e.g. {@code 10.0.0.0/8}, {@code 2001:db8:0:0:0:0:0:0/32}. */
    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof NetworkRange range && range.prefix == prefix && Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }
}
