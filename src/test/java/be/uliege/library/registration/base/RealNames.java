package be.uliege.library.registration.base;

import java.util.stream.Stream;

/**
 * Names as people living in Belgium write them (docs/decisions/0007-confusable-input.md): every rule
 * about confusable input must leave each of them as it is. Shared by the tests of {@link Text} and of
 * the patron rules.
 */
public final class RealNames {

    private RealNames() {}

    public static Stream<String> all() {
        return Stream.of(
                // Vietnamese: two marks on one letter
                "Nguyễn",
                "Trần Thị Hằng",
                "Phạm Văn Đồng",
                "Lê Thị Ngọc Ánh",
                "Đặng Thị Hường",
                "Huỳnh Tấn Phát",
                // Polish, Czech, Slovak, Romanian, Turkish, Lithuanian, Latvian, Croatian, Serbian, Hungarian
                "Łukasz Wójcik",
                "Dvořák",
                "Šťastný",
                "Ľubomír Ďurčo",
                "Ștefănescu",
                "Țărănescu",
                "Şahin",
                "Çelik",
                "İbrahim Öztürk",
                "Ağaoğlu",
                "Žemaitė",
                "Jūratė Kazlauskienė",
                "Bērziņš",
                "Ķēniņš",
                "Ģirts",
                "Kovačević",
                "Đorđević",
                "Erdős Pál",
                "Szőke",
                // French, Dutch, German, Nordic, Icelandic, Spanish, Portuguese
                "Zoë",
                "François",
                "Noël",
                "Gaëlle",
                "Müller",
                "Groß",
                "Ærøe",
                "Søren",
                "Åsa",
                "Þórunn Guðmundsdóttir",
                "Peña",
                "João",
                "Ngũgĩ wa Thiong'o",
                // apostrophes, hyphens, particles
                "N'Diaye",
                "D'Hondt",
                "O’Brien",
                "Van den Bossche",
                "Jean-Pierre",
                "de la Fontaine",
                "St. John",
                // Yoruba: tone marks left over after composition on half the letters
                "Adéṣọlá",
                "Ọ̀ṣọ́ọ̀lá",
                // Greek, polytonic included
                "Αλέξανδρος Παπαδόπουλος",
                "Ἀθηνᾶ",
                "ᾨδή",
                // Cyrillic: Russian, Ukrainian, Serbian
                "Иван Петров",
                "Ёлкин",
                "Юлія Ковальчук",
                "Їжакевич",
                "Ґалаґан",
                "Ђорђевић",
                // Arabic with and without harakat, Persian
                "محمد",
                "مُحَمَّد",
                "عَبْدُ ٱللَّٰه",
                "فاطمه",
                // Hebrew with niqqud (dagesh and shin dot on one letter)
                "יִצְחָק",
                "שְׁלֹמֹה",
                "מֹשֶׁה",
                "כֹּהֵן",
                "שָּׁלוֹם",
                // Hangul, Japanese, Chinese
                "김민준",
                "이서연",
                "山田 太郎",
                "さくら",
                "王小明",
                // Devanagari, Tamil, Thai, Georgian, Armenian, Amharic
                "प्रिया शर्मा",
                "முருகன்",
                "สมศักดิ์",
                "გიორგი",
                "Արամ",
                "አበበ");
    }
}
