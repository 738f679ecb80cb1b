package be.uliege.library.registration.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R-REC-1, R-REC-2: compatibility characters folded, stacked combining marks ("Zalgo") refused, and
 * the real variety of names of people living in Belgium left alone
 * (docs/decisions/0007-confusable-input.md).
 */
class TextConfusablesTest {

    static Stream<String> realNames() {
        return RealNames.all();
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("realNames")
    @DisplayName("R-REC-2: real names of people living in Belgium are neither folded nor refused")
    void realNamesPassUnchanged(String name) {
        assertThat(Text.fold(name)).isEqualTo(name);
        assertThat(Text.hasStackedMarks(name)).isFalse();
        assertThat(Text.hasStackedMarks(Normalizer.normalize(name, Normalizer.Form.NFD)))
                .as("typed decomposed, as some keyboards send them")
                .isFalse();
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            Ｍüｌｌｅｒ                    | Müller
            ＤＵＰＯＮＴ Ｊｅａｎ             | DUPONT Jean
            𝐃𝐮𝐩𝐨𝐧𝐭                        | Dupont
            𝔇𝔲𝔭𝔬𝔫𝔱                        | Dupont
            Ⓓⓤⓟⓞⓝⓣ                        | Dupont
            Schaﬀer                       | Schaffer
            ﬁlip                          | filip
            Ĳzerman                       | IJzerman
            ǅukić                         | Džukić
            Jean　Pierre                  | Jean Pierre
            Ｒｕｅ ｄｅ ｌａ Ｃａｔｈéｄｒａｌｅ １２ | Rue de la Cathédrale 12
            ﾔﾏﾀﾞ                          | ヤマダ
            """)
    @DisplayName("R-REC-2: fullwidth, mathematical, circled letters, ligatures and digraphs are folded (NFKC)")
    void compatibilityCharactersAreFolded(String typed, String stored) {
        assertThat(Text.fold(typed)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {"Nguye\u0302\u0303n", "Dvor\u030Cák", "\u1100\u1175\u11B7\u1106\u1175\u11AB\u110C\u116E\u11AB"})
    @DisplayName("R-REC-2: text typed decomposed is stored composed (NFC); Hangul jamo become syllables")
    void decomposedTextIsComposed(String typed) {
        var stored = Text.fold(typed);

        assertThat(stored).isEqualTo(Normalizer.normalize(typed, Normalizer.Form.NFC));
        assertThat(Normalizer.isNormalized(stored, Normalizer.Form.NFC)).isTrue();
        assertThat(stored.length()).isLessThan(typed.length());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "Z\u0337\u0327\u031B\u031D\u0332\u0344\u034Calgo", // seven marks on the Z
                "Du\u0300\u0301\u0302\u0303pont", // four marks on a Latin letter
                "D\u0334u\u0338p\u0337o\u0336n\u0337t\u0334", // one overlay on every letter
                "D\u0334\u031Bu\u0338\u0322p\u0337\u0327o\u0336\u0321n\u0337\u0328t\u0334\u0324", // two on every letter
                "J\u0363\u0364\u0365ean", // three marks no letter holds precomposed
                "\u0301Jean", // a mark on nothing
                "Jean-\u0301Pierre", // a mark on a hyphen
                "Jean \u0301Pierre", // a mark on a space
                "Rue 12\u0301", // a mark on a digit
                "J\u20DDean", // an enclosing circle
                "\u05E9\u05BC\u05C1\u05B8\u05BD\u0591", // five marks on a Hebrew letter
            })
    @DisplayName("R-REC-2: stacked, stray or scattered combining marks (Zalgo) are spotted")
    void zalgoIsSpotted(String value) {
        assertThat(Text.hasStackedMarks(value)).isTrue();
    }
}
