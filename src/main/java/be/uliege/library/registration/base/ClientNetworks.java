package be.uliege.library.registration.base;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The network a client address belongs to, for limits that count per network as well as per address. */
public final class ClientNetworks {

    private ClientNetworks() {}

    /** The /24 of an IPv4 address or the /48 of an IPv6 one; anything that is not an address literal, as it is. */
    public static String of(String address) {
        if (!address.matches("[0-9A-Fa-f:.]{2,45}")) {
            return address;
        }
        try {
            var bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            int keep = bytes.length == 4 ? 3 : 6;
            var network = new StringBuilder();
            for (int i = 0; i < keep; i++) {
                network.append(bytes[i] & 0xff).append('.');
            }
            return network.toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
