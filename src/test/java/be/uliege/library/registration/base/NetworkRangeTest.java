package be.uliege.library.registration.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CIDR ranges for the photo service's allowed clients (R-CARD-6): IPv4, IPv6, the edges, and what is refused. */
class NetworkRangeTest {

    @Test
    void ipv4_theFirstAndLastAddressesAreIn_theirNeighboursOut() {
        var range = NetworkRange.parse("192.0.2.0/24");
        assertThat(range.contains("192.0.2.0")).isTrue();
        assertThat(range.contains("192.0.2.255")).isTrue();
        assertThat(range.contains("192.0.1.255")).isFalse();
        assertThat(range.contains("192.0.3.0")).isFalse();
        assertThat(range).hasToString("192.0.2.0/24");

        var odd = NetworkRange.parse("10.0.0.0/9");
        assertThat(odd.contains("10.127.255.255")).isTrue();
        assertThat(odd.contains("10.128.0.0")).isFalse();
    }

    @Test
    void slash32AndABareAddressAreOneAddress() {
        for (var range : new NetworkRange[] {NetworkRange.parse("127.0.0.1/32"), NetworkRange.parse(" 127.0.0.1 ")}) {
            assertThat(range.contains("127.0.0.1")).isTrue();
            assertThat(range.contains("127.0.0.2")).isFalse();
            assertThat(range.contains("127.0.0.0")).isFalse();
        }
        assertThat(NetworkRange.parse("127.0.0.1")).isEqualTo(NetworkRange.parse("127.0.0.1/32"));
    }

    @Test
    void slash0IsEveryAddressOfItsFamily() {
        var all4 = NetworkRange.parse("0.0.0.0/0");
        assertThat(all4.contains("0.0.0.0")).isTrue();
        assertThat(all4.contains("255.255.255.255")).isTrue();
        assertThat(all4.contains("::1"))
                .as("an IPv4 range holds no IPv6 address")
                .isFalse();

        var all6 = NetworkRange.parse("::/0");
        assertThat(all6.contains("::")).isTrue();
        assertThat(all6.contains("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(all6.contains("127.0.0.1")).isFalse();
    }

    @Test
    void ipv6_inAnyTextualForm() {
        var loopback = NetworkRange.parse("::1/128");
        assertThat(loopback.contains("::1")).isTrue();
        assertThat(loopback.contains("0:0:0:0:0:0:0:1"))
                .as("as Tomcat writes it")
                .isTrue();
        assertThat(loopback.contains("::2")).isFalse();

        var documentation = NetworkRange.parse("2001:DB8::/32");
        assertThat(documentation.contains("2001:db8::")).isTrue();
        assertThat(documentation.contains("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"))
                .isTrue();
        assertThat(documentation.contains("2001:db9::")).isFalse();
        assertThat(documentation.contains("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff"))
                .isFalse();
        assertThat(documentation.contains("fe80::1%eth0")).isFalse();

        var linkLocal = NetworkRange.parse("fe80::/10");
        assertThat(linkLocal.contains("fe80::1%eth0")).as("the zone is ignored").isTrue();
        assertThat(linkLocal.contains("febf:ffff::1")).isTrue();
        assertThat(linkLocal.contains("fec0::1")).isFalse();

        var odd = NetworkRange.parse("2001:db8:8000::/33");
        assertThat(odd.contains("2001:db8:8000::1")).isTrue();
        assertThat(odd.contains("2001:db8:7fff::1")).isFalse();
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4Address() {
        assertThat(NetworkRange.parse("10.0.0.0/8").contains("::ffff:10.1.2.3")).isTrue();
        assertThat(NetworkRange.parse("::ffff:10.0.0.0/104")).isEqualTo(NetworkRange.parse("10.0.0.0/8"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "/24",
                "localhost",
                "localhost/8",
                "example.org/32",
                "10.0.0/8",
                "10.0.0.0.0/8",
                "256.0.0.0/8",
                "010.0.0.0/8",
                "10.0.0.0/",
                "10.0.0.0/33",
                "10.0.0.0/-1",
                "10.0.0.0/08",
                "10.0.0.0/8/8",
                "10.0.0.0 /8",
                "0x0a.0.0.0/8",
                "::1/129",
                "2001:db8::g/32",
                "2001:db8:::/32",
                "[::1]/128",
                "fe80::%eth0/64",
                "::ffff:10.0.0.0/8",
                "10.1.2.3/8",
                "10.0.0.1/31",
                "2001:db8::1/64"
            })
    void aMalformedRangeIsRefusedWithItsText(String text) {
        assertThatThrownBy(() -> NetworkRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void bitsPastThePrefix_theMessageSaysWhichRangeWasMeant() {
        assertThatThrownBy(() -> NetworkRange.parse("10.1.2.3/8")).hasMessageContaining("did you mean 10.0.0.0/8?");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "unknown",
                "localhost",
                "10.1.2",
                "10.1.2.3.4",
                "10.1.2.300",
                "1.2.3.4:80",
                ":::",
                "::1::1",
                "x::1",
                ".::1",
                "10.1.2.3\n",
                "0x0a.1.2.3",
                "10.1.2.03"
            })
    void somethingThatIsNotAnAddressLiteralIsInNoRange(String address) {
        assertThat(NetworkRange.parse("0.0.0.0/0").contains(address)).isFalse();
        assertThat(NetworkRange.parse("::/0").contains(address)).isFalse();
    }

    @Test
    void aMissingAddressIsInNoRange() {
        assertThat(NetworkRange.parse("0.0.0.0/0").contains(null)).isFalse();
    }
}
