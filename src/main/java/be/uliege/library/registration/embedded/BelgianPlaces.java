package be.uliege.library.registration.embedded;

import be.uliege.library.registration.embedded.UniversityPerson.Address;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Invented addresses and phone numbers of people living around Liège (a few elsewhere in Belgium
 * or across the borders), written the many ways people type them, and the university's and the
 * hospital's departments. The postal codes and communes are real (bpost's list); the street names
 * are common ones; the combinations and numbers are drawn at random.
 */
final class BelgianPlaces {

    /** A commune: its postal code, its name, its weight, its streets' language and its phone zone. */
    record Commune(String postalCode, String name, int weight, char language, String zone) {}

    // postal code | commune | weight | f(rench), n(Dutch), d(German) streets | telephone zone
    private static final String COMMUNES = """
            4000|Liège|40|f|4
            4000|Rocourt|3|f|4
            4000|Glain|2|f|4
            4020|Liège|6|f|4
            4020|Bressoux|3|f|4
            4020|Jupille-sur-Meuse|3|f|4
            4020|Wandre|2|f|4
            4030|Grivegnée|4|f|4
            4031|Angleur|4|f|4
            4032|Chênée|3|f|4
            4040|Herstal|5|f|4
            4041|Vottem|2|f|4
            4050|Chaudfontaine|2|f|4
            4051|Vaux-sous-Chèvremont|2|f|4
            4052|Beaufays|1|f|4
            4053|Embourg|2|f|4
            4100|Seraing|6|f|4
            4100|Boncelles|2|f|4
            4101|Jemeppe-sur-Meuse|2|f|4
            4102|Ougrée|2|f|4
            4120|Neupré|2|f|4
            4130|Esneux|2|f|4
            4130|Tilff|2|f|4
            4140|Sprimont|2|f|4
            4400|Flémalle|3|f|4
            4420|Saint-Nicolas|3|f|4
            4430|Ans|4|f|4
            4450|Juprelle|1|f|4
            4460|Grâce-Hollogne|2|f|4
            4340|Awans|1|f|4
            4300|Waremme|2|f|19
            4280|Hannut|1|f|19
            4500|Huy|3|f|85
            4540|Amay|1|f|85
            4480|Engis|1|f|85
            4600|Visé|2|f|4
            4680|Oupeye|2|f|4
            4610|Beyne-Heusay|2|f|4
            4620|Fléron|2|f|4
            4630|Soumagne|2|f|4
            4650|Herve|2|f|87
            4670|Blegny|1|f|4
            4800|Verviers|4|f|87
            4820|Dison|1|f|87
            4840|Welkenraedt|1|f|87
            4850|Plombières|1|f|87
            4900|Spa|1|f|87
            4910|Theux|1|f|87
            4920|Aywaille|2|f|4
            4960|Malmedy|1|f|80
            4970|Stavelot|1|f|80
            4700|Eupen|3|d|87
            4720|La Calamine|1|d|87
            4730|Raeren|1|d|87
            4750|Bütgenbach|1|d|80
            4780|Saint-Vith|1|d|80
            5000|Namur|2|f|81
            5100|Jambes|1|f|81
            5300|Andenne|1|f|85
            1000|Bruxelles|2|f|2
            1050|Ixelles|2|f|2
            1030|Schaerbeek|1|f|2
            1180|Uccle|1|f|2
            1348|Louvain-la-Neuve|1|f|10
            1300|Wavre|1|f|10
            6000|Charleroi|1|f|71
            6700|Arlon|1|f|63
            6900|Marche-en-Famenne|1|f|84
            3500|Hasselt|1|n|11
            3000|Leuven|1|n|16
            9000|Gent|1|n|9
            """;

    private static final List<String> LIEGE_STREETS = split("""
            Rue de la Cathédrale, Rue Saint-Gilles, Boulevard d'Avroy, Quai de Rome, Rue Hors-Château,
            Rue des Guillemins, Rue Louvrex, Quai Marcellis, Rue Saint-Léonard, Boulevard de la Sauvenière,
            Rue Pierreuse, Rue Féronstrée, En Neuvice, Rue du Laveu, Rue Sainte-Marguerite, Quai Godefroid Kurth,
            Rue Grétry, Boulevard Frère-Orban, Rue de Fragnée, Rue Vinâve d'Île, Avenue Rogier, Rue Darchis,
            Thier de la Chartreuse, Rue Fond Pirette, Quai des Ardennes, Rue de Visé, Rue Basse-Wez,
            Rue du Val-Benoît, Place du Marché, Rue Saint-Séverin, Quai de la Boverie, Rue Jonfosse""");
    private static final List<String> FRENCH_STREETS = split("""
            Rue de l'Église, Rue du Centre, Rue de la Station, Rue de la Gare, Avenue des Tilleuls,
            Chaussée de Tongres, Rue Haute, Place communale, Rue du Moulin, Rue des Écoles, Rue de la Paix,
            Rue Albert Ier, Rue des Combattants, Avenue de la Libération, Rue du Château, Chemin des Prés,
            Rue Émile Vandervelde, Rue de Liège, Rue Joseph Wauters, Thier des Critchons, Rue du Pont,
            Sentier des Coquelicots, Clos des Aubépines, Allée des Marronniers, Quai de la Meuse,
            Boulevard Kleyer, Rue de Tilff, Voie de l'Air Pur, Rue Bois de Breux, Avenue du Luxembourg""");
    private static final List<String> DUTCH_STREETS = split("""
            Kerkstraat, Stationsstraat, Molenstraat, Dorpsstraat, Naamsestraat, Nieuwstraat, Schoolstraat,
            Kapelstraat, Groenstraat, Bondgenotenlaan, Koning Albertlaan""");
    private static final List<String> GERMAN_STREETS = split("""
            Hauptstraße, Kirchstraße, Bergstraße, Aachener Straße, Bahnhofstraße, Gospertstraße, Klötzerbahn,
            Neustraße, Talstraße, Schulstraße, Am Waldrand, Rotenbergplatz""");

    // country | postal code pattern (9 a digit, A a letter) | city | street form (# the number)
    private static final String FOREIGN = """
            FRA|75011|Paris|# rue de la République
            FRA|59000|Lille|# boulevard Gambetta
            FRA|08000|Charleville-Mézières|# avenue Jean Jaurès
            FRA|57000|Metz|# rue Victor Hugo
            FRA|08600|Givet|# place Méhul
            NLD|6211 AA|Maastricht|Tongersestraat #
            NLD|6221 AA|Maastricht|Wycker Brugstraat #
            NLD|6411 AA|Heerlen|Akerstraat #
            NLD|6291 AA|Vaals|Maastrichterlaan #
            DEU|52062|Aachen|Pontstraße #
            DEU|52064|Aachen|Jülicher Straße #
            DEU|50667|Köln|Hohe Straße #
            LUX|L-1616|Luxembourg|#, rue de la Gare
            LUX|L-4002|Esch-sur-Alzette|#, route de Belval
            """;

    private static final List<Commune> COMMUNE_LIST = COMMUNES.lines()
            .map(line -> line.split("\\|"))
            .map(f -> new Commune(f[0], f[1], Integer.parseInt(f[2]), f[3].charAt(0), f[4]))
            .toList();
    private static final int COMMUNE_WEIGHT =
            COMMUNE_LIST.stream().mapToInt(Commune::weight).sum();

    private static final List<String> UNIVERSITY_DEPARTMENTS = split("""
            Faculté des Sciences — Département de chimie, Faculté des Sciences — Département de physique,
            Faculté des Sciences — Département de biologie, écologie et évolution,
            Faculté des Sciences — Département de géographie, Faculté de Médecine — Département des sciences biomédicales et précliniques,
            Faculté de Médecine — Département de santé publique, Faculté de Médecine vétérinaire — Département de morphologie et pathologie,
            Faculté de Philosophie et Lettres — Département d'histoire, Faculté de Philosophie et Lettres — Département de langues et littératures romanes,
            Faculté de Droit\\, de Science politique et de Criminologie, Faculté des Sciences appliquées — Département d'aérospatiale et mécanique,
            Faculté des Sciences appliquées — Département d'électricité\\, électronique et informatique,
            Faculté de Psychologie\\, Logopédie et Sciences de l'Éducation, Faculté des Sciences sociales,
            Faculté d'Architecture, HEC Liège — École de gestion, Gembloux Agro-Bio Tech — Département TERRA,
            Réseau des Bibliothèques — Bibliothèque ALPHA, Réseau des Bibliothèques — Bibliothèque Léon Graulich,
            Administration — Ressources humaines, Administration — Recherche et développement, Centre spatial de Liège""");
    private static final List<String> HOSPITAL_DEPARTMENTS = split("""
            CHU — Service de radiologie, CHU — Service des urgences, CHU — Service de cardiologie,
            CHU — Service de pédiatrie, CHU — Service d'anesthésie-réanimation, CHU — Laboratoire de biologie clinique,
            CHU — Service de gériatrie, CHU — Service de neurologie, CHU — Pharmacie,
            CHU — Service de gynécologie-obstétrique, CHU — Département infirmier, CHU — Service de dermatologie""");
    private static final List<String> MAIL_PROVIDERS =
            split("gmail.com, gmail.com, gmail.com, hotmail.com, hotmail.be, outlook.be, outlook.com, skynet.be,"
                    + " proximus.be, voo.be, yahoo.fr, live.be, icloud.com, protonmail.com");

    private BelgianPlaces() {}

    static Commune commune(Random random) {
        int r = random.nextInt(COMMUNE_WEIGHT);
        for (var commune : COMMUNE_LIST) {
            r -= commune.weight();
            if (r < 0) {
                return commune;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** An address in Belgium (92 %) or across a border. */
    static Address address(Random random) {
        if (random.nextInt(100) < 8) {
            return foreign(random);
        }
        return address(commune(random), random);
    }

    /** Another first line in the same commune (a move within it); the second line stays. */
    static Address moved(Address from, Random random) {
        var commune = COMMUNE_LIST.stream()
                .filter(c ->
                        c.postalCode().equals(from.postalCode()) && c.name().equals(from.city()))
                .findFirst()
                .orElse(COMMUNE_LIST.getFirst());
        var moved = address(commune, random);
        return moved.line1().equals(from.line1())
                ? moved(from, random)
                : new Address(moved.line1(), from.line2(), from.postalCode(), from.city(), from.country());
    }

    private static Address address(Commune commune, Random random) {
        var streets = switch (commune.language()) {
            case 'n' -> DUTCH_STREETS;
            case 'd' -> GERMAN_STREETS;
            default ->
                commune.postalCode().compareTo("4040") < 0 && random.nextBoolean() ? LIEGE_STREETS : FRENCH_STREETS;
        };
        var line =
                BelgianPeople.pick(streets, random) + " " + (1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 120));
        int extra = random.nextInt(100);
        if (extra < 5) {
            line += (char) ('A' + random.nextInt(3));
        }
        String line2 = null;
        if (extra >= 90) {
            var box = 1 + random.nextInt(extra < 93 ? 40 : 9);
            var word = switch (commune.language()) {
                case 'n' -> " bus ";
                case 'd' -> " Bfk. ";
                default -> " bte ";
            };
            switch (extra % 3) {
                case 0 -> line += word + box;
                case 1 -> line += "/" + box;
                default -> line2 = word.strip() + " " + box;
            }
        }
        return new Address(line, line2, commune.postalCode(), commune.name(), "BEL");
    }

    private static Address foreign(Random random) {
        var fields = BelgianPeople.pick(FOREIGN.lines().toList(), random).split("\\|");
        var code = new StringBuilder();
        for (char c : fields[1].toCharArray()) {
            code.append(
                    c == 'A' ? (char) ('B' + random.nextInt(24)) : c == '9' ? (char) ('0' + random.nextInt(10)) : c);
        }
        var line = fields[3].replace("#", Integer.toString(1 + random.nextInt(150)));
        return new Address(line, null, code.toString(), fields[2], fields[0]);
    }

    /**
     * A phone number as the person typed it somewhere, Belgian unless {@code country} says otherwise;
     * one that exists in the numbering plans (libphonenumber's metadata), as the university's file
     * carries — invented numbers outside the plan are the hostile tests' business, not the demo's.
     */
    static String phone(Random random, String zone, String country) {
        var util = PhoneNumberUtil.getInstance();
        String typed = anyPhone(random, zone, country);
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                if (util.isValidNumber(util.parse(typed, "BE"))) {
                    return typed;
                }
            } catch (NumberParseException e) {
                // another try
            }
            typed = anyPhone(random, zone, country);
        }
        return typed;
    }

    private static String anyPhone(Random random, String zone, String country) {
        if (!country.equals("BEL") && random.nextBoolean()) {
            return switch (country) {
                case "FRA" ->
                    "+33 6 " + digits(random, 2) + " " + digits(random, 2) + " " + digits(random, 2) + " "
                            + digits(random, 2);
                case "NLD" -> "+31 6 " + digits(random, 8);
                case "DEU" -> "+49 17" + random.nextInt(10) + " " + digits(random, 7);
                default -> "+352 621 " + digits(random, 3) + " " + digits(random, 3);
            };
        }
        if (random.nextInt(100) < 72) {
            var prefix = "4" + (7 + random.nextInt(3)) + random.nextInt(10);
            var rest = digits(random, 6);
            var pairs = rest.substring(0, 2) + " " + rest.substring(2, 4) + " " + rest.substring(4);
            return switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> "0" + prefix + " " + pairs;
                case 4 -> "+32 " + prefix + " " + pairs;
                case 5 -> "0032" + prefix + rest;
                case 6 -> "0" + prefix + "/" + pairs.replace(' ', '.');
                case 7 -> "+32" + prefix + rest;
                case 8 -> "0" + prefix + " " + rest.substring(0, 3) + " " + rest.substring(3);
                default -> "0" + prefix + rest;
            };
        }
        // A subscriber number never starts with 0 or 1 (those are prefixes and special numbers).
        var rest = (char) ('2' + random.nextInt(8)) + digits(random, 7 - zone.length());
        var grouped = rest.length() == 7
                ? rest.substring(0, 3) + " " + rest.substring(3, 5) + " " + rest.substring(5)
                : rest.substring(0, 2) + " " + rest.substring(2, 4) + " " + rest.substring(4);
        return switch (random.nextInt(6)) {
            case 0, 1 -> "0" + zone + " " + grouped;
            case 2 -> "0" + zone + "/" + grouped.replace(' ', '.');
            case 3 -> "+32 " + zone + " " + grouped;
            case 4 -> "0" + zone + "/" + rest;
            default -> "0" + zone + rest;
        };
    }

    static String zoneOf(UniversityPerson.Address address) {
        return COMMUNE_LIST.stream()
                .filter(c -> c.postalCode().equals(address.postalCode()))
                .map(Commune::zone)
                .findFirst()
                .orElse("4");
    }

    static String department(UniversityPerson.Group group, Random random) {
        return BelgianPeople.pick(
                group == UniversityPerson.Group.C ? HOSPITAL_DEPARTMENTS : UNIVERSITY_DEPARTMENTS, random);
    }

    static String mailProvider(Random random) {
        return BelgianPeople.pick(MAIL_PROVIDERS, random);
    }

    /** Every (postal code, commune) pair, for tests. */
    static List<Commune> communes() {
        return COMMUNE_LIST;
    }

    private static String digits(Random random, int count) {
        var digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** Comma-separated values; {@code \,} is a comma inside a value. */
    private static List<String> split(String values) {
        var list = new ArrayList<String>();
        for (var value : values.replace("\n", " ").split("(?<!\\\\),")) {
            list.add(value.replace("\\,", ",").strip());
        }
        return List.copyOf(list);
    }
}
