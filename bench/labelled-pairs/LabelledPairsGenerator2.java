// LabelledPairsGenerator2.java
//
// HELD-OUT labelled test set (set 2) for a duplicate-person detector (library patron
// registration, ULiège). Same format, same 24 kinds and same labelling rules as set 1
// (src/test/resources/duplicates/labelled-pairs.csv), but new people (other surnames and first names) and new variant pairs
// (nicknames, transliterations, ij/y surnames, particles, twin names) that do not occur in set 1.
// Writes a CSV of record pairs to stdout:
//
//   java LabelledPairsGenerator2.java > ../../src/test/resources/duplicates/held-out-pairs.csv
//
// Single file, no dependencies, deterministic (fixed seed 20251204). Runs on Java 17+.
// All name lists and variant tables are data inside this file.
// See README.md for what every kind means and how set 2 differs from set 1.

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.*;

public class LabelledPairsGenerator2 {

    static final long SEED = 20251204L;
    static final Random R = new Random(SEED);

    static final int SAME_PER_KIND = 50;   // 16 kinds -> 800 rows (67 %)
    static final int DIFF_PER_KIND = 50;   //  8 kinds -> 400 rows (33 %)

    // =====================================================================
    // Basic helpers
    // =====================================================================

    static String[] sp(String s) { return s.trim().split("\\s*,\\s*"); }
    static <T> T pick(T[] a) { return a[R.nextInt(a.length)]; }
    static <T> T pick(List<T> a) { return a.get(R.nextInt(a.size())); }
    static String pickS(String... a) { return a[R.nextInt(a.length)]; }
    static boolean chance(double p) { return R.nextDouble() < p; }
    static int between(int lo, int hi) { return lo + R.nextInt(hi - lo + 1); }

    static String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append((char) ('0' + R.nextInt(10)));
        return sb.toString();
    }

    /** Removes diacritics the way a keyboard without them would: é->e, ł->l, ø->o, ß->ss, ı->i. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case 'ł': sb.append('l'); break;
                case 'Ł': sb.append('L'); break;
                case 'ø': sb.append('o'); break;
                case 'Ø': sb.append('O'); break;
                case 'ß': sb.append("ss"); break;
                case 'ı': sb.append('i'); break;
                case 'đ': sb.append('d'); break;
                case 'Đ': sb.append('D'); break;
                case 'æ': sb.append("ae"); break;
                case 'œ': sb.append("oe"); break;
                default: sb.append(c);
            }
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    static String norm(String s) {
        return fold(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static String upper(String s) { return s.toUpperCase(Locale.ROOT); }

    static String lower(String s) {
        if (s.indexOf('İ') >= 0) s = s.replace("İ", "I");
        return s.toLowerCase(Locale.ROOT);
    }

    static int lev(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    /** Two first names that a desk clerk would never confuse. */
    static boolean clearlyDifferent(String a, String b) {
        String x = norm(a), y = norm(b);
        if (x.equals(y)) return false;
        if (x.startsWith(y) || y.startsWith(x)) return false;
        return lev(x, y) >= 3;
    }

    // =====================================================================
    // Origins: first names (male, female) and surnames as people in Belgium write them
    // =====================================================================

    static final class Origin {
        final String code; final double w; final String[] m, f, l;
        Origin(String code, double w, String m, String f, String l) {
            this.code = code; this.w = w; this.m = sp(m); this.f = sp(f); this.l = sp(l);
        }
    }

    static final Map<String, Origin> O = new LinkedHashMap<>();

    static void o(String code, double w, String m, String f, String l) { O.put(code, new Origin(code, w, m, f, l)); }

    static {
        // Set 2: new people. Lists are roughly ordered by frequency: the first entries are used for namesakes.
        o("BE_FR", 22,
          "Xavier, Prosper, Firmin, Stéphane, Gilles, Damien, Arnould, Jonathan, Kévin, Adrien, Florent, Lionel, Régis, Yannick, Ludovic, Bertrand, Gauthier, Hadrien, Augustin, Victor, Timothée, Lucien, Émile, Henri, Georges, Marcel, Roland, Fernand, Guy, Sylvain, Cyril, Aurélien, Tristan, Nathan, Jean-Luc, Jean-Louis, Jean-Philippe, Pierre-Yves, Marc-Antoine, Thibault, Gaël, Amaury, Axel, Charles, Anselme, Ghislain, Jean-Michel",
          "Sylvie, Pascale, Carine, Fabienne, Corinne, Delphine, Virginie, Audrey, Gwendoline, Laurence, Sabrina, Élodie, Mégane, Océane, Maëlle, Clara, Zoé, Alice, Agathe, Colette, Josette, Ghislaine, Bernadette, Jocelyne, Marie-France, Marie-Paule, Anne-Sophie, Anne-Françoise, Marie-Noëlle, Estelle, Coralie, Sylviane, Mireille, Odile, Claire, Marine, Héloïse, Apolline, Capucine, Victoire, Madeleine, Marie-José, Amélie, Christelle, Dorothée",
          "Jadoul, Detry, Piette, Schyns, Delcourt, Dessart, Desonay, Dumoulin, Halin, Hardy, Lismonde, Moreau, Nyssen, Ortmans, Pâquet, Quoidbach, Renson, Toussaint, Verdin, Wilkin, Xhonneux, Xhignesse, Houbion, Jaspar, Kinet, Lekeu, Mawet, Nélis, Noirfalise, Orban, Pirotte, Rahier, Ramelot, Tilkin, Wéry, Delhaise, Bronckart, Cornet, Dehousse, Gilbert, Malmendier, Pirson, Mathot, Léonet, Evrard, Lambotte, Leboutte, Marchand, Poncelet, Baiwir, Bodson, Charlier, Paquay, Hanquet, Crèvecœur, Rémy, Hénin, Mélotte, Frérotte, Grégoire, Baudoin, Javaux, Warnier, Piret, Jadot");
        o("BE_NL", 18,
          "Dries, Glenn, Kenny, Niels, Vic, Mats, Jasper, Brecht, Arno, Steven, Gunther, Ivo, Erik, Rudi, Frank, Guido, Stefaan, Tijl, Wannes, Lowie, Ferre, Cas, Rune, Xander, Siebe, Korneel, Bavo, Pepijn, Jelle, Raf, Hannes, Sven, Nils, Tuur, Ward, Benny, Danny, Erwin, Ronny, Gino, Michiel, Arne, Jorre, Lennert, Yannick, Gertjan",
          "Ine, Eva, Emma, Marthe, Lisa, Kato, Roos, Elien, Silke, Axelle, Margot, Amber, Britt, Liese, Tess, Wendy, Kelly, Nancy, Karolien, Hannelore, Ann, Gerda, Machteld, Gudrun, Dorien, Vera, Linde, Saar, Klaartje, Mona, Yente, Laure, Bieke, Katleen, Sanne, Lutgart, Elfi, Marleen, Greta, Anneleen",
          "Vermeersch, Van Goethem, Verhaegen, De Cock, Dierickx, Bogaert, Verlinden, Van Hove, Verbruggen, Cornelis, De Wolf, Bogaerts, Van Loon, Verheyen, Somers, Dierckx, Smolders, Vandeputte, Lauwers, Timmermans, Beckers, Vanderheyden, Gielen, Schepers, Van Gorp, Raes, Van Mol, Mariën, Daems, Verstappen, Sels, Boeckx, Leysen, Dockx, Vranckx, Lenaerts, Cuypers, Moens, Rombouts, Van Gestel, Hoogmartens, Ceulemans, Verachtert, Bellens, Verbist, Meeus, Nuyts, Vinck, Govaerts, Verelst, Engelen, Baeten, Vanmechelen, Lambrechts, Dewaele, Van Canneyt, Callens, Vercruysse, Coppé, Daniëls, De Ridder, Van den Broeck, Van der Linden, De Keyser, De Paepe, De Pauw, Van de Walle");
        o("BE_DE", 5,
          "Achim, Rainer, Uwe, Holger, Wolfgang, Helmut, Gerhard, Karl-Heinz, Hans-Peter, Sebastian, Tobias, Philipp, Marcel, Dominik, Fabian, Moritz, Felix, Jannik, Till, Ben, Noah, Joachim, Rüdiger, Ludwig, Dietrich, Götz, Jörn, Sönke",
          "Gertrud, Hildegard, Renate, Helga, Bettina, Martina, Kerstin, Tanja, Franziska, Katrin, Jule, Hannah, Annegret, Liesel, Roswitha, Sieglinde, Jutta, Dörte, Käthe, Ulrike, Cornelia, Rosemarie, Bärbel, Anneliese",
          "Radermacher, Huppertz, Brüll, Kohnen, Maraite, Hannen, Zimmermann, Pauels, Wintgens, Ortmann, Velz, Jousten, Reuter, Kever, Sarlette, Palm, Freches, Hönen, Dederichs, Collubry, Servais, Weynand, Nelles, Hick, Göbbels, Faßbender, Voß, Nußbaum, Weißkopf, Jüngling, Schröer, Klöcker, Öhlert, Rößler");
        o("IT", 7,
          "Pasquale, Raffaele, Gennaro, Filippo, Stefano, Roberto, Fabio, Davide, Emanuele, Riccardo, Michele, Giorgio, Enrico, Cosimo, Leonardo, Tommaso, Vito, Ignazio, Gianluca, Pietro, Massimo, Claudio, Franco, Rosario, Antonino",
          "Teresa, Silvia, Valentina, Alessia, Martina, Elisa, Grazia, Nunzia, Immacolata, Annunziata, Gabriella, Ilaria, Serena, Vincenza, Agata, Rosalia, Benedetta, Rossella, Noemi, Viviana, Patrizia, Lorena, Giovanna, Domenica",
          "Messina, Leone, Longo, Gentile, Martinelli, Serra, Coppola, De Santis, D'Angelo, Marchetti, Parisi, Villa, Cattaneo, Fabbri, Morelli, Barbieri, Pellegrino, Palumbo, Sanna, Farina, Rinaldi, Piras, Testa, Grasso, Cirillo, Fiore, Lo Giudice, Lo Cascio, La Porta, Di Marco, Di Benedetto, Scalia, Lupo, Puglisi, Castiglione, Lombardo, Sorrentino, Spina, Cantù");
        o("ES", 3,
          "Jorge, Diego, Adrián, Óscar, Ramón, Joaquín, Borja, Víctor, Gonzalo, Emilio, Agustín, Julián, Tomás, Marcos, Eduardo, Santiago, Alfonso, Fermín",
          "Raquel, Silvia, Alba, Noelia, Paula, Irene, Yolanda, Esther, Lorena, Verónica, Ainhoa, Maite, Nerea, Remedios, Inmaculada, Milagros, Amparo, Itziar, Macarena, Almudena, Consuelo, Josefa, Asunción",
          "Castillo, Ortega, Rubio, Molina, Delgado, Suárez, Ramos, Gil, Serrano, Blanco, Castro, Ortiz, Marín, Sanz, Núñez, Iglesias, Medina, Garrido, Cortés, Santana, Guerrero, Lozano, Cano, Prieto, Méndez, Calvo, Gallego, Vidal, León, Herrera, Márquez, Cabrera, Aguilar");
        o("PT", 3,
          "Ricardo, Humberto, Fernando, Carlos, Jorge, Duarte, Diogo, Rodrigo, Marco, Fábio, Hélder, Armando, Artur, Domingos, Abílio, Albano, Agostinho, Leonel, Valter, Simão, Afonso, Xavier",
          "Patrícia, Sandra, Cláudia, Marta, Carla, Susana, Liliana, Vânia, Teresa, Helena, Leonor, Matilde, Carolina, Madalena, Márcia, Cátia, Sónia, Tânia, Manuela, Glória, Aurora, Margarida, Conceição",
          "Alves, Marques, Mendes, Nunes, Soares, Vieira, Monteiro, Cardoso, Rocha, Neves, Coelho, Cunha, Pires, Reis, Sá, Correia, Moreira, Pinto, Matos, Antunes, Tavares, Azevedo, Brandão, Barbosa, Machado, Lourenço, Baptista, Guimarães, Figueiredo, Mourão");
        o("PL", 4,
          "Marek, Rafał, Sebastian, Artur, Jacek, Dariusz, Mariusz, Janusz, Jerzy, Tadeusz, Ryszard, Leszek, Radosław, Sławomir, Waldemar, Kacper, Maciej, Damian, Patryk, Konrad, Jarosław, Mirosław",
          "Krystyna, Danuta, Iwona, Renata, Sylwia, Edyta, Paulina, Karolina, Emilia, Marzena, Izabela, Urszula, Wiesława, Bożena, Jolanta, Teresa, Aneta, Kinga, Milena, Ilona, Jadwiga",
          "Kaczmarek, Zając, Adamczyk, Dudek, Wróbel, Górski, Sikora, Baran, Rutkowski, Michalak, Szewczyk, Ostrowski, Tomaszewski, Pietrzak, Zalewski, Jasiński, Marciniak, Sadowski, Bąk, Duda, Włodarczyk, Chmielewski, Borkowski, Czarnecki, Sokołowski, Kubiak, Wilk, Kołodziej, Kalinowski, Witkowski, Walczak, Szczepański, Sobczak, Czerwiński, Przybylski");
        o("RO", 4,
          "Sergiu, Ovidiu, Lucian, Emil, Dorin, Viorel, Costin, Petru, Tudor, Horia, Mircea, Silviu, Claudiu, Liviu, Iulian, Octavian, Eugen, Traian, Aurel, Dănuț, Călin, Ioan, Cosmin, Valentin",
          "Ileana, Camelia, Florentina, Anca, Corina, Loredana, Raluca, Bianca, Denisa, Cosmina, Adina, Diana, Iuliana, Lavinia, Nicoleta, Violeta, Carmen, Luminița, Doina, Mirela, Ecaterina, Adriana, Sorina, Ștefania, Georgeta",
          "Florea, Nistor, Ene, Ilie, Barbu, Cristea, Toma, Oprea, Marin, Lazăr, Dobrescu, Ursu, Sandu, Vlad, Diaconu, Năstase, Preda, Stănescu, Zamfir, Manole, Ciobanu, Iordache, Voicu, Enache, Costache, Anghel, Pîrvu, Grigore, Neacșu, Țăranu");
        o("MA", 10,
          "Abdelali, Abdelhak, Adil, Anouar, Badr, Chakib, Fouad, Imad, Jalal, Lahcen, Marouane, Mourad, Rayane, Reda, Saad, Salah, Souhail, Walid, Younes, Zouhair, Abdessamad, Azzedine, Mouad, Nassim, Kamal, Larbi, Mimoun, Faycal, Wassim, Hatim, Abdeljalil, Abdelmalek, Sami",
          "Amal, Bouchra, Dounia, Fadoua, Ghizlane, Hajar, Hind, Ibtissam, Lamia, Rajae, Sanae, Souad, Touria, Wiam, Yousra, Zahira, Zohra, Hasna, Kaoutar, Mouna, Najoua, Rabia, Saloua, Widad, Oumaima, Ferdaous, Nisrine, Sihame, Ikhlass, Zakia",
          "Bouazza, El Baghdadi, Tazi, Fassi, Berrada, Benchekroun, Sebti, Lamrani, Ouahbi, Boutaleb, Ezzahraoui, Aarab, Ahrouch, El Bouazzati, Azzaoui, Oukili, Naciri, El Morabit, Abbassi, Akouh, Bouhlal, Chahboun, Daoudi, El Moussaoui, Essaidi, Fikri, Ghailan, Kabbaj, Laaroussi, Marzouki, Nejjar, Ouardighi, Raissouni, Sabri, Taouil, Yacoubi, Zerrouki, Bouaziz, Ben Youssef, Hammami, Jendoubi, Khelifi, Chaabane, Mejri, Ayari, Dridi, Benyahia, Belaid, Hadjadj, Mekki, Kaci");
        o("TR", 6,
          "Fatih, Onur, Özgür, Erkan, Sinan, Tuncay, Levent, Gürkan, Şükrü, Taner, Cengiz, Orhan, İlhan, Süleyman, Recep, Yavuz, Furkan, Enes, Berkay, Ümit, Erol, Bülent, Nihat, Doğukan, Alperen, Kadir, Sedat, Metin",
          "Gül, Aysel, Nazlı, Şule, Ebru, Filiz, Gülay, Hacer, Kübra, Melek, Nurten, Özge, Pınar, Seda, Sevim, Tülay, Ümran, Zehra, Cansu, İrem, Aslı, Gönül, Nermin, Şenay, Döndü, Elçin, Feride",
          "Acar, Akın, Bayram, Bozkurt, Çakır, Çiftçi, Coşkun, Demirci, Duman, Erdem, Gündüz, Işık, Kahraman, Karaca, Keskin, Özer, Sarı, Taş, Tunç, Türkmen, Uysal, Yücel, Zengin, Özçelik, Kocabaş, Şen, Ateş, Çınar, Gümüş, Aksoy, Başaran, Durmuş, Sönmez, Soylu, Şeker, Üstün, Güçlü, Yüksel");
        o("CD", 6,
          "Jean-Marie, Jean-Baptiste, Papy, Héritier, Rodrigue, Ghislain, Arsène, Bienvenu, Célestin, Déogratias, Évariste, Faustin, Fidèle, Gédéon, Israël, Jérémie, Landry, Médard, Nestor, Pacifique, Placide, Rolly, Sylvestre, Dady, Parfait, Gloire, Prince",
          "Aimée, Alphonsine, Anny, Chancelle, Clémentine, Fifi, Générose, Gloria, Henriette, Joyce, Laetitia, Mamie, Marie-Louise, Nadège, Patience, Prisca, Rosette, Sifa, Thérèse, Vestine, Angélique, Princesse, Héritière, Bienvenue",
          "Kabasele, Mbala, Kalonji, Kapinga, Kazadi, Kitenge, Lukaku, Mbemba, Mpoyi, Mulamba, Mwanza, Ngalula, Ngandu, Nkongolo, Ntumba, Tshilombo, Tshiala, Banza, Kalambayi, Mbombo, Mukuna, Kabeya, Bukasa, Mukamana, Niyitegeka, Munyaneza, Mukeshimana, Nsengiyumva, Ndagijimana, Umutoni, Iradukunda, Manirakiza, Niyongabo, Ndayizeye, Hategekimana, Irakoze, Bigirimana, Nizigiyimana, Niyibizi, Munyakazi");
        o("UA", 4,
          "Petro, Stepan, Anatoliy, Valeriy, Viktor, Ruslan, Kostiantyn, Hennadiy, Leonid, Borys, Fedir, Hryhoriy, Rostyslav, Nazar, Danylo, Kyrylo, Myroslav, Zakhar, Illia, Tymofiy, Arsen, Vadym, Valentyn, Stanislav",
          "Larysa, Valentyna, Nadiia, Lesia, Uliana, Solomiia, Yaryna, Inna, Alla, Antonina, Hanna, Liliia, Raisa, Zoriana, Vira, Liubov, Maryna, Polina, Veronika, Myroslava, Stanislava, Yevdokiia, Zhanna",
          "Kovtun, Shvets, Marchuk, Tymoshenko, Sydorenko, Vasylenko, Ostapchuk, Danylenko, Prykhodko, Kushnir, Babenko, Zinchenko, Nazarenko, Karpenko, Symonenko, Didenko, Fedorenko, Tkach, Kostenko, Hordiienko, Zakharchenko, Kucher, Panchenko, Demchenko, Khomenko, Hrebeniuk, Zhuk, Kovalskyi, Sokolovskyi");
        o("RU", 1.2,
          "Konstantin, Boris, Anton, Kirill, Denis, Timur, Gleb, Stanislav, Vadim, Vyacheslav, Grigory, Leonid",
          "Polina, Valeria, Alyona, Vera, Larisa, Nadezhda, Lyubov, Zhanna, Inna, Arina, Margarita, Valentina",
          "Vasiliev, Pavlov, Semyonov, Golubev, Vinogradov, Bogdanov, Vorobyov, Mikhailov, Belov, Tarasov, Belyaev, Komarov, Kiselyov, Makarov, Andreev, Frolov, Zakharov, Solovyov, Borisov, Yakovlev, Grigoriev, Romanov, Stepanov, Nikitin, Sorokin, Gusev, Titov");
        o("AL", 2,
          "Astrit, Bujar, Burim, Enver, Faton, Gëzim, Granit, Jeton, Labinot, Liridon, Mentor, Naim, Petrit, Rinor, Shpëtim, Skënder, Visar, Xhevdet, Ylber, Arianit, Alban, Kushtrim, Lulzim, Dardan, Gent, Ilir",
          "Adelina, Albulena, Anila, Besiana, Dafina, Diellza, Edona, Erza, Fatbardha, Genta, Hana, Kaltrina, Lindita, Luljeta, Merita, Rrezarta, Shqiponja, Vlora, Zana, Zamira, Arbenita, Egzona, Vesa, Lumturije, Dardana, Ilira",
          "Bajrami, Hasani, Ismaili, Jashari, Kastrati, Kurti, Mehmeti, Musliu, Osmani, Pllana, Qerimi, Rama, Salihu, Selimi, Shehu, Syla, Xhaferi, Zeqiri, Avdiu, Beqiri, Demaj, Elezi, Fazliu, Gjoka, Hajdari, Imeri, Kadriu, Limani, Maliqi, Nimani, Ramadani, Sejdiu, Shabani, Ukaj, Veseli, Zogaj");
        o("SY", 3,
          "Ayman, Fadi, Ghassan, Hani, Issam, Majd, Louay, Mazen, Muhannad, Nizar, Qusai, Wael, Zaid, Hadi, Alaa, Ajmal, Farhad, Jamshid, Masoud, Mirwais, Nasrullah, Obaidullah, Qadir, Sohail, Wais, Zalmai, Ehsan, Javid, Shafiq",
          "Aya, Bushra, Dalia, Ghada, Hiba, Inas, Lama, Manal, Nada, Rawan, Ruba, Salam, Suha, Tala, Yara, Zeina, Fereshta, Habiba, Hosai, Mahbooba, Nargis, Nilofar, Parisa, Sima, Soraya, Tahmina, Zarghona",
          "Al-Saadi, Al-Zoubi, Al-Rifai, Al-Halabi, Al-Shami, Al-Homsi, Al-Dulaimi, Al-Rubaie, Al-Musawi, Al-Ani, Al-Azzawi, Barakat, Hamdan, Kanaan, Sabbagh, Shehadeh, Ghanem, Chahine, Hijazi, Qureshi, Sadat, Rahmani, Sharifi, Faizi, Jalali, Habibi, Kakar, Mangal, Niazi, Zazai, Ghani, Momand, Sahak, Qaderi, Rasuli, Sediqi, Wali, Akbari, Nuristani, Hotak, Barakzai");
        o("VN", 1.5,
          "Cường, Hải, Hiếu, Khánh, Kiên, Lâm, Lộc, Nghĩa, Phong, Sơn, Tài, Thắng, Thịnh, Toàn, Trung, Việt, Vinh, Tùng",
          "Chi, Diệp, Giang, Hằng, Hoa, Huyền, Loan, My, Nga, Nhi, Oanh, Quyên, Tâm, Thanh, Thủy, Trinh, Tuyết, Uyên, Vân, Xuân",
          "Đào, Đinh, Cao, Lương, Tạ, Hà, Châu, Quách, Tô, Kiều, Thái, Tăng, Lưu, La, Mạc, Triệu, Vương, Hứa, Đoàn, Chu, Trương, Phùng, Tống");
        o("CN", 1.5,
          "Chao, Gang, Jie, Kai, Liang, Peng, Rui, Shuai, Tian, Xiang, Yifan, Zhen, Zhihao, Junjie, Haoyu, Yichen, Zixuan, Jianguo, Guoqiang",
          "Dan, Hong, Juan, Lan, Na, Ping, Qian, Shan, Wen, Xue, Yun, Yuqing, Xinyi, Ruoxi, Shuang, Jingyi, Meiling, Xiaohong, Yiran, Huimin",
          "Zheng, Liang, Xie, Song, Tang, Han, Feng, Deng, Cao, Peng, Zeng, Xiao, Tian, Dong, Pan, Yuan, Cai, Jiang, Yu, Du, Ye, Su, Lu, Ding, Shen, Tan, Tong, Teng, Xue");
        o("IN", 1.5,
          "Abhishek, Ajay, Akash, Ankit, Ashok, Deepak, Gaurav, Manoj, Mukesh, Naveen, Prakash, Rakesh, Ramesh, Ravi, Sachin, Sandeep, Sunil, Varun, Vijay, Vivek, Manish, Srinivas, Balaji, Arvind, Rajendra",
          "Aarti, Anita, Archana, Bhavna, Geeta, Jyoti, Kajal, Madhuri, Manisha, Nandini, Nisha, Pallavi, Rekha, Sangeeta, Shalini, Swati, Usha, Vandana, Radhika, Sushma, Tanvi, Jayalakshmi",
          "Agarwal, Bhat, Chauhan, Das, Dubey, Ghosh, Jain, Kapoor, Khan, Malhotra, Mishra, Mukherjee, Naidu, Pandey, Saxena, Sinha, Srivastava, Tiwari, Yadav, Bose, Chopra, Kulkarni, Ramanathan, Subramanian, Venkataraman, Sethi, Arora, Chawla, Mehrotra, Jadhav, Jha");
        o("GR", 1.5,
          "Stavros, Theodoros, Charalampos, Emmanouil, Stylianos, Alexandros, Anastasios, Apostolos, Petros, Sotirios, Efstathios, Ilias, Kyriakos, Leonidas, Stefanos, Antonios, Grigorios, Pavlos, Savvas, Fotios, Marios",
          "Theodora, Evangelia, Stavroula, Kyriaki, Panagiota, Christina, Athina, Efthymia, Zoi, Fotini, Magdalini, Stella, Argyro, Evdokia, Kalliopi",
          "Athanasiou, Vasileiou, Petridis, Kyriakou, Theodorou, Stavropoulos, Anagnostou, Papanikolaou, Spyropoulos, Michailidis, Lambrou, Raptis, Zervas, Giannopoulos, Tsakiris, Panagiotou, Kontos, Mavridis, Stamatopoulos, Chatzis, Sarris");
        // Scandinavian / Nordic EU staff (Brussels): only used for the ø / å / æ cases of accents-case.
        o("NO", 0,
          "Jørn, Børge, Øystein, Henrik, Jesper, Morten, Torben, Lasse, Bjarne, Kåre",
          "Sigrid, Astrid, Birgitte, Ragnhild, Trine, Bente, Åsa, Gøril, Solfrid",
          "Thøgersen, Søndergaard, Ødegaard, Brøndum, Nørby, Krøyer, Højgaard, Frølich, Åkesson, Bæk, Lindqvist, Dæhli");
    }

    static final Set<String> BELGIAN = Set.of("BE_FR", "BE_NL", "BE_DE");

    static Origin origin(String code) { return O.get(code); }

    static Origin pickOrigin() {
        double total = 0;
        for (Origin x : O.values()) total += x.w;
        double r = R.nextDouble() * total;
        for (Origin x : O.values()) { r -= x.w; if (r < 0 && x.w > 0) return x; }
        return O.get("BE_FR");
    }

    static Origin pickOrigin(String... codesWithWeights) {
        // "CODE:weight" entries
        double total = 0;
        for (String c : codesWithWeights) total += Double.parseDouble(c.split(":")[1]);
        double r = R.nextDouble() * total;
        for (String c : codesWithWeights) {
            r -= Double.parseDouble(c.split(":")[1]);
            if (r < 0) return O.get(c.split(":")[0]);
        }
        return O.get(codesWithWeights[0].split(":")[0]);
    }

    /** Gendered surname forms (Polish -ski/-ska, East Slavic -ov/-ova, Greek -os/-ou). */
    static String fem(String origin, String last) {
        switch (origin) {
            case "PL":
                if (last.endsWith("ski") || last.endsWith("cki") || last.endsWith("dzki"))
                    return last.substring(0, last.length() - 1) + "a";
                return last;
            case "UA": case "RU": case "SLAV":
                if (last.endsWith("ov") || last.endsWith("ev") || last.endsWith("ow") || last.endsWith("ew")
                        || last.endsWith("yov") || last.endsWith("in") || last.endsWith("yn") && last.length() > 6)
                    return last + "a";
                if (last.endsWith("skyi")) return last.substring(0, last.length() - 3) + "ka";
                return last;
            case "GR":
                if (last.endsWith("os")) return last.substring(0, last.length() - 2) + "ou";
                if (last.endsWith("is")) return last.substring(0, last.length() - 1);
                if (last.endsWith("as")) return last.substring(0, last.length() - 1);
                return last;
            default:
                return last;
        }
    }

    static String firstName(Origin o, boolean male) {
        String f = pick(male ? o.m : o.f);
        if (o.code.equals("VN") && chance(0.5)) f = (male ? "Văn " : "Thị ") + f;
        return f;
    }

    static String lastName(Origin o, boolean male) {
        String l = pick(o.l);
        return male ? l : fem(o.code, l);
    }

    // =====================================================================
    // Contact data: e-mails and phone numbers
    // =====================================================================

    static String domain(String origin, int year) {
        boolean young = year >= 1988;
        if (chance(0.35)) {
            switch (origin) {
                case "BE_NL": return pickS("telenet.be", "telenet.be", "telenet.be", "skynet.be", "proximus.be", "hotmail.be");
                case "BE_FR": return pickS("voo.be", "skynet.be", "skynet.be", "yahoo.fr", "hotmail.fr", "proximus.be", "live.be");
                case "BE_DE": return pickS("gmx.de", "web.de", "skynet.be", "t-online.de", "gmx.net", "skynet.be");
                case "IT": return pickS("libero.it", "hotmail.it", "yahoo.it", "hotmail.com");
                case "ES": return pickS("hotmail.es", "yahoo.es", "hotmail.com");
                case "PT": return pickS("sapo.pt", "hotmail.com", "gmail.com");
                case "PL": return pickS("wp.pl", "o2.pl", "onet.pl", "interia.pl");
                case "RO": return pickS("yahoo.com", "yahoo.com", "yahoo.ro");
                case "MA": return pickS("hotmail.fr", "hotmail.com", "outlook.fr", "hotmail.be");
                case "TR": return pickS("hotmail.com", "hotmail.be", "outlook.com");
                case "CD": return pickS("yahoo.fr", "yahoo.com", "gmail.com");
                case "UA": return pickS("ukr.net", "i.ua", "gmail.com");
                case "RU": return pickS("mail.ru", "yandex.ru", "gmail.com");
                case "SY": return pickS("hotmail.com", "yahoo.com");
                case "VN": return pickS("yahoo.com", "gmail.com");
                case "CN": return pickS("qq.com", "163.com", "126.com");
                case "IN": return pickS("yahoo.co.in", "rediffmail.com", "gmail.com");
                case "GR": return pickS("yahoo.gr", "hotmail.gr", "gmail.com");
                default: break;
            }
        }
        if (young) return pickS("gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com",
                "hotmail.com", "hotmail.com", "outlook.com", "hotmail.be", "live.be", "icloud.com", "outlook.be");
        return pickS("gmail.com", "gmail.com", "gmail.com", "hotmail.com", "hotmail.com", "skynet.be", "skynet.be",
                "yahoo.fr", "proximus.be", "voo.be", "scarlet.be", "live.be", "outlook.com", "telenet.be");
    }

    /** "Dupont épouse Lambert" -> "Dupont": nobody puts the civil-status words in an e-mail address. */
    static String emailSurname(String last) {
        for (String w : new String[]{" épouse ", " ép. ", " geb. ", " née "}) {
            int i = last.indexOf(w);
            if (i > 0) return last.substring(0, i);
        }
        return last;
    }

    static String localPart(String first, String last, int year) {
        last = emailSurname(last);
        String f = norm(first), l = norm(last);
        if (f.isEmpty()) f = "info";
        if (l.isEmpty()) l = "x";
        String yy = String.format("%02d", year % 100);
        int k = R.nextInt(100);
        if (k < 28) return f + "." + l;
        if (k < 36) return f + l;
        if (k < 40) return f + "_" + l;
        if (k < 47) return f.charAt(0) + l;
        if (k < 53) return f.charAt(0) + l + yy;
        if (k < 59) return f + "." + l + yy;
        if (k < 63) return f + yy;
        if (k < 70) return l + "." + f;
        if (k < 74) return f + "." + l.charAt(0);
        if (k < 81) return f + "." + l + between(1, 99);
        if (k < 84) return f + "-" + l;
        if (k < 88) return l + f.charAt(0);
        if (k < 92) return f + l + year;
        if (k < 96) return f.charAt(0) + "." + l;
        return l + "." + f + yy;
    }

    static String newEmail(String first, String last, LocalDate birth, String origin) {
        int year = birth == null ? 1980 : birth.getYear();
        if (year >= 1996 && chance(0.07))
            return norm(first) + "." + norm(emailSurname(last)) + "@student.uliege.be";
        String d = domain(origin, year);
        if (d.equals("qq.com")) return between(1, 9) + digits(between(7, 9)) + "@qq.com";
        return localPart(first, last, year) + "@" + d;
    }

    static String householdEmail(String last, String origin, String parentFirst) {
        String l = norm(last), pf = norm(parentFirst);
        int k = R.nextInt(100);
        if (origin.equals("BE_NL")) {
            if (k < 30) return "gezin." + l + "@telenet.be";
            if (k < 60) return l + "." + pf + "@telenet.be";
            if (k < 75) return "fam." + l + "@telenet.be";
            if (k < 88) return "familie" + l + "@gmail.com";
            return l + "." + pf + "@skynet.be";
        }
        if (origin.equals("BE_DE")) {
            if (k < 40) return "familie." + l + "@skynet.be";
            if (k < 65) return "fam." + l + "@gmx.de";
            return l + "." + pf + "@skynet.be";
        }
        if (k < 35) return "famille." + l + "@" + pickS("skynet.be", "voo.be", "proximus.be", "gmail.com", "hotmail.com");
        if (k < 50) return "fam." + l + "@" + pickS("skynet.be", "gmail.com", "hotmail.be");
        if (k < 65) return l + ".family@gmail.com";
        if (k < 80) return pf + "." + l + "@" + pickS("skynet.be", "voo.be", "hotmail.com", "gmail.com");
        return "famille" + l + "@" + pickS("hotmail.com", "hotmail.fr", "gmail.com");
    }

    static String mobile() { return "324" + pickS("6", "7", "7", "8", "9", "9") + digits(7); }

    static String landline(String origin) {
        String[] codes;
        if (origin.equals("BE_NL")) codes = new String[]{"3", "3", "9", "9", "11", "16", "2", "50", "15", "14", "13", "89"};
        else if (origin.equals("BE_DE")) codes = new String[]{"87", "87", "80"};
        else codes = new String[]{"4", "4", "4", "4", "4", "87", "85", "81", "2", "2", "71", "19", "63", "84", "86"};
        String c = pick(codes);
        int len = c.length() == 1 ? 7 : 6;
        String first = c.equals("4") ? pickS("2", "3") : String.valueOf(between(2, 8));
        return "32" + c + first + digits(len - 1);
    }

    static String foreign(String cc) {
        switch (cc) {
            case "FR": return "33" + pickS("6", "7") + digits(8);
            case "NL": return "316" + digits(8);
            case "DE": return "49" + pickS("151", "152", "160", "170", "171", "176", "157") + digits(R.nextBoolean() ? 7 : 8);
            case "IT": return "393" + digits(9);
            case "ES": return "346" + digits(8);
            case "PT": return "3519" + pickS("1", "2", "3", "6") + digits(7);
            case "PL": return "48" + pickS("5", "6", "7", "8") + digits(8);
            case "RO": return "407" + digits(8);
            case "MA": return "212" + pickS("6", "7") + digits(8);
            case "TR": return "905" + digits(9);
            case "UA": return "380" + pickS("50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99") + digits(7);
            case "CD": return "243" + pickS("81", "82", "84", "85", "89", "97", "98", "99") + digits(7);
            case "GR": return "306" + pickS("9") + digits(8);
            case "IN": return "91" + pickS("9", "8", "7") + digits(9);
            case "CN": return "861" + pickS("3", "5", "8") + digits(9);
            default: return "33" + pickS("6", "7") + digits(8);
        }
    }

    static String originCountry(String origin) {
        switch (origin) {
            case "BE_DE": return "DE";
            case "IT": return "IT"; case "ES": return "ES"; case "PT": return "PT"; case "PL": return "PL";
            case "RO": return "RO"; case "MA": return "MA"; case "TR": return "TR"; case "CD": return "CD";
            case "UA": return "UA"; case "RU": return "UA"; case "GR": return "GR"; case "IN": return "IN";
            case "CN": return "CN";
            default: return pickS("FR", "NL", "DE");
        }
    }

    static double foreignProb(String origin) {
        switch (origin) {
            case "UA": return 0.35; case "IN": return 0.15; case "RO": return 0.12; case "CN": return 0.10;
            case "PL": return 0.08; case "ES": case "PT": case "GR": return 0.08; case "SY": return 0.0;
            case "MA": case "TR": case "CD": case "AL": case "IT": return 0.04;
            default: return 0.0;
        }
    }

    static String personalPhone(String origin) {
        if (chance(foreignProb(origin))) return foreign(originCountry(origin));
        if (chance(0.04)) return foreign(pickS("FR", "NL", "DE"));   // cross-border commuters
        return mobile();
    }

    // =====================================================================
    // Records and rows
    // =====================================================================

    static final class Rec {
        String first, last; LocalDate birth; boolean unknownBirth;
        final List<String> emails = new ArrayList<>(), phones = new ArrayList<>();
        Rec(String first, String last, LocalDate birth) { this.first = first; this.last = last; this.birth = birth; }
        String birthStr() { return unknownBirth || birth == null ? "" : birth.toString(); }
    }

    static LocalDate randBirth() {
        double r = R.nextDouble(); int y;
        if (r < 0.50) y = between(1995, 2007);
        else if (r < 0.80) y = between(1975, 1994);
        else y = between(1940, 1974);
        return LocalDate.of(y, 1, 1).plusDays(R.nextInt(365));
    }

    static LocalDate birthInYears(int from, int to) {
        return LocalDate.of(between(from, to), 1, 1).plusDays(R.nextInt(365));
    }

    static boolean containsIgnoreCase(List<String> l, String s) {
        for (String x : l) if (x.equalsIgnoreCase(s)) return true;
        return false;
    }

    /** A patron as registered: name, birth date, personal e-mail(s) and phone(s). */
    static Rec person(String origin, String first, String last, LocalDate birth) {
        Rec r = new Rec(first, last, birth);
        int year = birth.getYear();
        if (chance(0.93)) {
            r.emails.add(newEmail(first, last, birth, origin));
            if (chance(0.10)) {
                String e2 = newEmail(first, last, birth, origin);
                if (!containsIgnoreCase(r.emails, e2)) r.emails.add(e2);
            }
        }
        if (chance(0.86)) r.phones.add(personalPhone(origin));
        if (chance(year < 1975 ? 0.40 : 0.10)) r.phones.add(landline(origin));
        if (r.phones.size() == 1 && chance(0.03)) r.phones.add(mobile());
        if (r.emails.isEmpty() && r.phones.isEmpty()) r.emails.add(newEmail(first, last, birth, origin));
        return r;
    }

    static final List<String[]> ROWS = new ArrayList<>();
    static final Set<String> SEEN = new HashSet<>();
    static final Map<String, Integer> COUNT = new LinkedHashMap<>();

    static boolean emit(String kind, boolean same, Rec a, Rec b) {
        String key = kind + "|" + a.first + "|" + a.last + "|" + b.first + "|" + b.last;
        if (!SEEN.add(key)) return false;
        ROWS.add(new String[]{kind, String.valueOf(same),
                a.first, a.last, a.birthStr(), String.join(";", a.emails), String.join(";", a.phones),
                b.first, b.last, b.birthStr(), String.join(";", b.emails), String.join(";", b.phones)});
        COUNT.merge(kind, 1, Integer::sum);
        return true;
    }

    static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r"))
            return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }

    // =====================================================================
    // Name variants (each returns a name pair: A as registered, B as typed now)
    // =====================================================================

    /** typo = B's name contains a keyboard slip: new e-mails are then written with the real name. */
    record NP(String o, boolean male, String af, String al, String bf, String bl, boolean typo) {
        NP(String o, boolean male, String af, String al, String bf, String bl) { this(o, male, af, al, bf, bl, false); }
        NP withB(String f, String l) { return new NP(o, male, af, al, f, l, typo); }
        NP withTypo(String f, String l) { return new NP(o, male, af, al, f, l, true); }
    }

    static NP plain(Origin o, boolean male) {
        String f = firstName(o, male), l = lastName(o, male);
        return new NP(o.code, male, f, l, f, l);
    }

    // ---------- accents and case
    static NP accentsCase() {
        for (int t = 0; t < 500; t++) {
            int mode = R.nextInt(100);
            Origin o;
            if (mode < 8) o = origin("NO");
            else if (mode < 14) o = origin("BE_DE");
            else o = pickOrigin("BE_FR:20", "BE_DE:4", "ES:5", "PT:5", "PL:8", "RO:6", "TR:10", "VN:4", "AL:3", "MA:3", "CD:4", "IT:2");
            boolean male = R.nextBoolean();
            NP p = plain(o, male);
            String f = p.af(), l = p.al();
            boolean hasMarks = !fold(f + l).equals(f + l);
            String bf, bl;
            int k = R.nextInt(100);
            if (mode < 14) { // ø / ß style letters: fold them
                if (!hasMarks) continue;
                bf = fold(f); bl = fold(l);
                if (chance(0.3)) { bf = upper(bf); bl = upper(bl); }
            } else if (k < 40) {                       // accents dropped
                if (!hasMarks) continue;
                bf = fold(f); bl = fold(l);
            } else if (k < 52) {                       // only one field dropped its accents
                if (fold(l).equals(l) && fold(f).equals(f)) continue;
                if (!fold(l).equals(l)) { bf = f; bl = fold(l); } else { bf = fold(f); bl = l; }
            } else if (k < 70) {                       // ALL CAPS (often without accents)
                bf = upper(chance(0.6) ? fold(f) : f); bl = upper(chance(0.6) ? fold(l) : l);
            } else if (k < 80) {                       // surname in capitals, first name normal
                bf = f; bl = upper(chance(0.5) ? fold(l) : l);
            } else if (k < 92) {                       // all lower case
                bf = lower(f); bl = lower(l);
                if (chance(0.5)) { bf = fold(bf); bl = fold(bl); }
            } else {                                   // reverse: old record without accents, new one with
                if (!hasMarks) continue;
                return new NP(o.code, male, fold(f), fold(l), f, l);
            }
            if (bf.equals(f) && bl.equals(l)) continue;
            return new NP(o.code, male, f, l, bf, bl);
        }
        throw new IllegalStateException("accents");
    }

    // ---------- keyboard typos (Belgian AZERTY)
    static final String[] AZERTY = {"azertyuiop", "qsdfghjklm", "wxcvbn"};

    static List<Character> neighbours(char c) {
        List<Character> n = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            int j = AZERTY[r].indexOf(c);
            if (j < 0) continue;
            if (j > 0) n.add(AZERTY[r].charAt(j - 1));
            if (j < AZERTY[r].length() - 1) n.add(AZERTY[r].charAt(j + 1));
            if (r > 0) { // row above: j and j+1
                for (int q = j; q <= j + 1; q++) if (q < AZERTY[r - 1].length()) n.add(AZERTY[r - 1].charAt(q));
            }
            if (r < 2) { // row below: j-1 and j
                for (int q = j - 1; q <= j; q++) if (q >= 0 && q < AZERTY[r + 1].length()) n.add(AZERTY[r + 1].charAt(q));
            }
        }
        return n;
    }

    static boolean asciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    static String typo(String s) {
        for (int t = 0; t < 200; t++) {
            int k = R.nextInt(100);
            int i = between(1, s.length() - 1);
            char c = s.charAt(i);
            if (!asciiLetter(c)) continue;
            String out;
            if (k < 35) {                        // neighbouring key
                char lc = Character.toLowerCase(c);
                List<Character> n = neighbours(lc);
                if (n.isEmpty()) continue;
                char rc = pick(n);
                if (Character.isUpperCase(c)) rc = Character.toUpperCase(rc);
                out = s.substring(0, i) + rc + s.substring(i + 1);
            } else if (k < 55) {                 // doubled letter
                if ("aeiouy".indexOf(Character.toLowerCase(c)) >= 0 && chance(0.6)) continue;
                out = s.substring(0, i + 1) + c + s.substring(i + 1);
            } else if (k < 80) {                 // dropped letter, preferably one of a double
                int d = -1;
                for (int q = 1; q < s.length() - 1; q++)
                    if (s.charAt(q) == s.charAt(q + 1) && asciiLetter(s.charAt(q))) d = q;
                if (d >= 0 && chance(0.6)) i = d;
                if (s.length() <= 4) continue;
                out = s.substring(0, i) + s.substring(i + 1);
            } else {                             // swapped neighbours
                if (i >= s.length() - 1) continue;
                char c2 = s.charAt(i + 1);
                if (!asciiLetter(c2) || c2 == c) continue;
                out = s.substring(0, i) + c2 + c + s.substring(i + 2);
            }
            if (!out.equals(s) && !out.contains("  ") && !out.endsWith(" ") && !out.endsWith("-")) return out;
        }
        return null;
    }

    static NP typoSurname() {
        for (int t = 0; t < 100; t++) {
            Origin o = pickOrigin();
            NP p = plain(o, R.nextBoolean());
            if (norm(p.al()).length() < 4) continue;
            String b = typo(p.al());
            if (b != null) return p.withTypo(p.af(), b);
        }
        throw new IllegalStateException();
    }

    static NP typoFirst() {
        for (int t = 0; t < 100; t++) {
            Origin o = pickOrigin();
            NP p = plain(o, R.nextBoolean());
            if (norm(p.af()).length() < 4) continue;
            String b = typo(p.af());
            if (b != null) return p.withTypo(b, p.al());
        }
        throw new IllegalStateException();
    }

    // ---------- first and last name in each other's field
    static NP swapped() {
        Origin o = pickOrigin("VN:22", "CN:20", "CD:25", "IN:5", "MA:6", "TR:5", "SY:5", "BE_FR:6", "BE_NL:4", "AL:2");
        NP p = plain(o, R.nextBoolean());
        if (p.af().equals(p.al())) return swapped();
        return p.withB(p.al(), p.af());
    }

    // ---------- married names
    static final class Married { NP np; boolean maidenVisible; }

    static Married married() {
        Origin o = pickOrigin("BE_FR:30", "BE_NL:30", "BE_DE:10", "IT:8", "PL:8", "PT:5", "TR:4", "RO:5");
        String first = firstName(o, false);
        String maiden = lastName(o, false);
        Origin ho = chance(0.75) ? o : pickOrigin("BE_FR:5", "BE_NL:4", "IT:1", "MA:1");
        String husband = lastName(ho, !ho.code.equals("PL") ? true : false);
        if (ho.code.equals("PL")) husband = fem("PL", husband);
        if (norm(husband).equals(norm(maiden))) return married();
        String mar; boolean visible = true;
        int k = R.nextInt(100);
        switch (o.code) {
            case "BE_FR":
                if (k < 30) { mar = husband; visible = false; }
                else if (k < 55) mar = maiden + "-" + husband;
                else if (k < 70) mar = husband + "-" + maiden;
                else if (k < 85) mar = maiden + " épouse " + husband;
                else if (k < 93) mar = maiden + " ép. " + husband;
                else mar = husband + " née " + maiden;
                break;
            case "BE_NL":
                if (k < 40) { mar = husband; visible = false; }
                else if (k < 85) mar = husband + "-" + maiden;
                else mar = maiden + "-" + husband;
                break;
            case "BE_DE":
                if (k < 40) { mar = husband; visible = false; }
                else if (k < 70) mar = husband + "-" + maiden;
                else mar = husband + " geb. " + maiden;
                break;
            case "PL":
                if (k < 50) { mar = husband; visible = false; } else mar = maiden + "-" + husband;
                break;
            case "PT":
                mar = maiden + " " + husband;
                break;
            case "TR":
                if (k < 50) { mar = husband; visible = false; } else mar = maiden + " " + husband;
                break;
            default:
                if (k < 60) { mar = husband; visible = false; } else mar = maiden + "-" + husband;
        }
        Married m = new Married();
        if (chance(0.15)) m.np = new NP(o.code, false, first, mar, first, maiden);   // after divorce
        else m.np = new NP(o.code, false, first, maiden, first, mar);
        m.maidenVisible = visible;
        return m;
    }

    // ---------- particles, spacing, hyphens, second surnames
    static final String[] COMPOUND = {
        "BE_NL:Van der Linden|Vanderlinden|Van Der Linden|Van der linden|VanderLinden",
        "BE_NL:Van den Broeck|Vandenbroeck|Van Den Broeck|Vanden Broeck",
        "BE_NL:De Wolf|Dewolf|De wolf",
        "BE_NL:De Cock|Decock|De cock|DeCock",
        "BE_NL:Van Hove|Vanhove|Van hove",
        "BE_NL:Van Goethem|Vangoethem|Van goethem",
        "BE_NL:De Keyser|Dekeyser|De keyser",
        "BE_NL:Van der Straeten|Vanderstraeten|Van Der Straeten|Vander Straeten",
        "BE_NL:Vanden Bussche|Van den Bussche|Vandenbussche|Van Den Bussche",
        "BE_NL:De Paepe|Depaepe|De paepe",
        "BE_NL:Van Loon|Vanloon|Van loon",
        "BE_NL:De Ridder|Deridder|De ridder",
        "BE_NL:Van Landeghem|Vanlandeghem|Van landeghem",
        "BE_NL:De Schepper|Deschepper|De schepper",
        "BE_NL:D'Haese|Dhaese|D'haese|D Haese",
        "BE_NL:D'Hooghe|Dhooghe|D'hooghe|D Hooghe",
        "BE_NL:Van Mol|Vanmol|Van mol",
        "BE_NL:De Pauw|Depauw|De pauw",
        "BE_NL:Van Gorp|Vangorp|Van gorp",
        "BE_NL:Van de Walle|Vandewalle|Van De Walle|Van de walle",
        "BE_NL:Van Rompaey|Vanrompaey|Van rompaey",
        "BE_FR:Le Grand|Legrand",
        "BE_FR:Le Brun|Lebrun",
        "BE_FR:Du Four|Dufour",
        "BE_FR:de Liedekerke|De Liedekerke|Deliedekerke",
        "BE_FR:de Potesta|De Potesta|Depotesta",
        "BE_FR:Du Bus|Dubus",
        "BE_FR:Le Bon|Lebon",
        "BE_FR:de Wasseige|De Wasseige|Dewasseige",
        "BE_FR:La Haye|Lahaye",
        "BE_FR:d'Ursel|D'Ursel|Dursel",
        "BE_FR:de Harlez|De Harlez|Deharlez",
        "IT:Di Maio|Dimaio|Di maio",
        "IT:De Rosa|Derosa|De rosa",
        "IT:D'Angelo|Dangelo|D Angelo|D'angelo",
        "IT:Lo Giudice|Logiudice|Lo giudice",
        "IT:La Porta|Laporta|La porta",
        "IT:Di Benedetto|Dibenedetto|Di benedetto",
        "IT:Li Causi|Licausi|Li causi",
        "IT:Dell'Olio|Dellolio|Dell Olio|Dell'olio",
        "IT:Lo Cascio|Locascio|Lo cascio",
        "IT:Di Marco|Dimarco|Di marco",
        "IT:D'Alessandro|Dalessandro|D Alessandro|D'alessandro",
        "IT:La Spina|Laspina|La spina",
        "MA:Ben Youssef|Benyoussef|Ben-Youssef",
        "MA:Aït Brahim|Ait Brahim|Aitbrahim|Ait-Brahim",
        "MA:El Fassi|Elfassi|El-Fassi",
        "MA:Ben Hammou|Benhammou|Ben-Hammou",
        "MA:El Baghdadi|Elbaghdadi|El-Baghdadi",
        "MA:Aït Saïd|Ait Said|Aitsaid|Aït-Saïd",
        "MA:El Morabit|Elmorabit|El-Morabit",
        "MA:Ben Yahia|Benyahia|Ben-Yahia",
        "MA:El Khayari|Elkhayari|El-Khayari",
        "MA:Aït Taleb|Ait Taleb|Aittaleb|Aït-Taleb",
        "MA:El Bouazzati|Elbouazzati|El-Bouazzati",
        "MA:Ben Chekroun|Benchekroun|Ben-Chekroun",
        "SY:Al-Zoubi|Al Zoubi|Alzoubi|Al-zoubi",
        "SY:Al-Saadi|Al Saadi|Alsaadi",
        "SY:Al-Rifai|Al Rifai|Alrifai",
        "SY:Al-Halabi|Al Halabi|Alhalabi",
        "SY:Al-Ani|Al Ani|Alani",
        "SY:Abu Hamdan|Abu-Hamdan|Abuhamdan",
        "PT:do Carmo|Do Carmo|Carmo",
        "PT:das Neves|Das Neves|Neves",
        "PT:da Cunha|Da Cunha|Cunha",
        "PT:dos Reis|Dos Reis|Reis",
        "PT:da Rocha|Da Rocha|Rocha",
    };

    static NP compound() {
        int k = R.nextInt(100);
        if (k < 14) { // Spanish: father's + mother's surname, the second one often dropped
            Origin o = origin("ES");
            boolean male = R.nextBoolean();
            String f = firstName(o, male);
            String s1 = pick(o.l), s2 = pick(o.l);
            if (s1.equals(s2)) return compound();
            String full = chance(0.8) ? s1 + " " + s2 : s1 + "-" + s2;
            return chance(0.75) ? new NP("ES", male, f, full, f, s1) : new NP("ES", male, f, s1, f, full);
        }
        if (k < 22) { // Portuguese: mother's + father's surname, the first one often dropped
            Origin o = origin("PT");
            boolean male = R.nextBoolean();
            String f = firstName(o, male);
            String s1 = pick(o.l), s2 = pick(o.l);
            if (s1.equals(s2)) return compound();
            String full = s1 + " " + s2;
            return chance(0.75) ? new NP("PT", male, f, full, f, s2) : new NP("PT", male, f, s2, f, full);
        }
        String g = pick(COMPOUND);
        String oc = g.substring(0, g.indexOf(':'));
        String[] forms = g.substring(g.indexOf(':') + 1).split("\\|");
        int i = R.nextInt(forms.length), j;
        do { j = R.nextInt(forms.length); } while (j == i);
        // the first listed form is the usual written one; it is A more often
        if (chance(0.5) && i != 0 && j != 0) i = 0;
        boolean male = R.nextBoolean();
        Origin fo = O.get(oc);
        if (oc.equals("BE_NL") && chance(0.2)) fo = origin("BE_FR");
        String f = firstName(fo, male);
        return new NP(oc, male, f, forms[i], f, forms[j]);
    }

    // ---------- nicknames and short forms of first names (formal|short)
    static final String[] NICK = {
        // Walloon / French-speaking Belgium
        "BE_FR:M:Ludovic|Ludo", "BE_FR:M:Jean-Michel|Jean-Mi", "BE_FR:M:Timothée|Tim", "BE_FR:M:Victor|Vic",
        "BE_FR:M:Charles|Charly", "BE_FR:M:Clément|Clem", "BE_FR:M:Valentin|Val", "BE_FR:M:Patrick|Pat",
        "BE_FR:F:Anne-Sophie|Anne-So", "BE_FR:F:Marie-José|Marie-Jo", "BE_FR:F:Béatrice|Béa", "BE_FR:F:Madeleine|Mado",
        "BE_FR:F:Josiane|Josy", "BE_FR:F:Danielle|Dany",
        // Flemish
        "BE_NL:M:Franciscus|Frans", "BE_NL:M:Petrus|Piet", "BE_NL:M:Marcel|Cel", "BE_NL:M:Raymond|Mon",
        "BE_NL:M:Jacobus|Jaak", "BE_NL:M:Carolus|Karel", "BE_NL:M:Achiel|Chiel", "BE_NL:M:Rudolf|Dolf",
        "BE_NL:M:Leonard|Leo", "BE_NL:M:Eduard|Ward",
        "BE_NL:M:Gerardus|Gerard", "BE_NL:M:Josephus|Jozef",
        "BE_NL:F:Hildegard|Hilde", "BE_NL:F:Ingeborg|Inge", "BE_NL:F:Dorothea|Thea", "BE_NL:F:Theresia|Trees",
        "BE_NL:F:Cornelia|Nel",
        // East Belgium / German
        "BE_DE:M:Joachim|Achim", "BE_DE:M:Manfred|Manni", "BE_DE:M:Ludwig|Lutz", "BE_DE:M:Rüdiger|Rudi",
        "BE_DE:M:Dietrich|Dieter",
        "BE_DE:F:Ulrike|Ulli", "BE_DE:F:Cornelia|Conny", "BE_DE:F:Brigitte|Gitte", "BE_DE:F:Rosemarie|Rosi",
        "BE_DE:F:Franziska|Franzi", "BE_DE:F:Elisabeth|Liesel", "BE_DE:F:Hannelore|Hanne",
        // Italian
        "IT:M:Antonino|Nino", "IT:M:Salvatore|Turi", "IT:M:Rosario|Saro", "IT:M:Raffaele|Lello",
        "IT:M:Filippo|Pippo", "IT:M:Carmelo|Melo", "IT:M:Luigi|Gino",
        "IT:F:Giovanna|Gianna", "IT:F:Annunziata|Nunzia", "IT:F:Immacolata|Imma", "IT:F:Vincenza|Enza",
        "IT:F:Domenica|Mimma",
        // Spanish / Portuguese
        "ES:M:Alfonso|Fonsi", "ES:M:Antonio|Toño", "ES:M:Eduardo|Edu", "ES:M:Ramón|Moncho", "ES:M:Santiago|Santi",
        "ES:M:Joaquín|Quino", "ES:M:Agustín|Agus",
        "ES:F:Dolores|Loli", "ES:F:Consuelo|Chelo", "ES:F:Asunción|Asun", "ES:F:Inmaculada|Inma",
        "ES:F:Remedios|Reme", "ES:F:Josefa|Pepa", "ES:F:Milagros|Mila", "ES:F:Purificación|Puri",
        "PT:M:Joaquim|Quim", "PT:M:Alexandre|Xande", "PT:M:Manuel|Manel",
        "PT:F:Conceição|São", "PT:F:Margarida|Guida",
        // Polish
        "PL:M:Jarosław|Jarek", "PL:M:Przemysław|Przemek", "PL:M:Radosław|Radek", "PL:M:Sławomir|Sławek",
        "PL:M:Mirosław|Mirek", "PL:M:Maciej|Maciek", "PL:M:Piotr|Piotrek", "PL:M:Andrzej|Jędrek",
        "PL:F:Izabela|Iza", "PL:F:Jadwiga|Jadzia", "PL:F:Krystyna|Krysia", "PL:F:Urszula|Ula",
        // Romanian
        "RO:M:Nicolae|Nicu", "RO:M:Ștefan|Fănel", "RO:M:Gheorghe|Gigi", "RO:M:Ioan|Nelu", "RO:M:Valentin|Vali",
        "RO:F:Florentina|Flori", "RO:F:Ecaterina|Catinca",
        // Ukrainian / Russian
        "UA:M:Mykola|Kolia", "UA:M:Kostiantyn|Kostia", "UA:M:Anatoliy|Tolik",
        "UA:F:Viktoriia|Vika", "UA:F:Olena|Lena", "UA:F:Liubov|Liuba", "UA:F:Nadiia|Nadia", "UA:F:Valentyna|Valia",
        "RU:M:Konstantin|Kostya", "RU:M:Boris|Borya", "RU:M:Anatoly|Tolya", "RU:M:Nikolai|Kolya",
        "RU:M:Aleksei|Lyosha", "RU:M:Pavel|Pasha", "RU:M:Grigory|Grisha",
        "RU:F:Yevgeniya|Zhenya", "RU:F:Lyubov|Lyuba", "RU:F:Nadezhda|Nadya", "RU:F:Valentina|Valya",
        "RU:F:Anastasia|Nastya", "RU:F:Yelizaveta|Liza",
        // Maghreb
        "MA:M:Abdessamad|Samad", "MA:M:Abdeljalil|Jalil", "MA:M:Abdelkarim|Karim", "MA:M:Abdelmalek|Malek",
        "MA:M:Abderrazak|Razak", "MA:M:Abdelghani|Ghani", "MA:M:Mohamed-Reda|Reda", "MA:M:Mohamed-Yassine|Yassine",
        "MA:M:Mohamed|Moha",
        // Greek
        "GR:M:Charalampos|Babis", "GR:M:Stylianos|Stelios", "GR:M:Emmanouil|Manolis", "GR:M:Theodoros|Thodoris",
        "GR:M:Anastasios|Tasos", "GR:M:Efstathios|Stathis", "GR:M:Apostolos|Tolis", "GR:M:Alexandros|Alekos",
        "GR:M:Grigorios|Grigoris", "GR:F:Stavroula|Voula", "GR:F:Panagiota|Giota", "GR:F:Kyriaki|Koula",
        "GR:F:Theodora|Dora", "GR:F:Kalliopi|Popi", "GR:F:Efthymia|Efi",
        // Indian
        "IN:M:Abhishek|Abhi", "IN:M:Srinivas|Srini", "IN:M:Balasubramanian|Balu", "IN:M:Subramanian|Subbu",
        "IN:M:Rajendra|Raju", "IN:F:Jayalakshmi|Jaya", "IN:F:Vijayalakshmi|Viji",
    };

    static NP nickname() {
        String e = pick(NICK);
        String[] p = e.split(":");
        Origin o = origin(p[0]);
        boolean male = p[1].equals("M");
        String[] fm = p[2].split("\\|");
        String l = lastName(o, male);
        if (chance(0.8)) return new NP(o.code, male, fm[0], l, fm[1], l);
        return new NP(o.code, male, fm[1], l, fm[0], l);
    }

    // ---------- Arabic first names, several romanisations of one name
    static final String[] ARAB_FIRST = {
        "M:Walid|Oualid|Waleed",
        "M:Anouar|Anwar|Anuar",
        "M:Badr|Badre|Bader",
        "M:Fouad|Fuad|Fouâd",
        "M:Jalal|Djalal|Jalel",
        "M:Younes|Younès|Younis|Yunes|Younesse",
        "M:Marouane|Marwan|Merouane|Marwane",
        "M:Mourad|Murad|Morad",
        "M:Reda|Ridha|Rida|Redha",
        "M:Faycal|Fayçal|Faisal|Fayssal|Faiçal",
        "M:Chakib|Shakib|Chekib",
        "M:Souhail|Suhail|Souheil|Sohail",
        "M:Zouhair|Zuhair|Zouheir|Zohair",
        "M:Abdelilah|Abdellilah|Abdul Ilah|Abdelillah",
        "M:Azzedine|Azeddine|Izzeddine|Ezzedine",
        "M:Kamal|Kamel",
        "M:Adil|Aadil|Adel",
        "M:Imad|Emad|Imed",
        "M:Nabil|Nabeel|Nebil",
        "M:Ayman|Aymane|Aimane",
        "M:Ilyas|Ilias|Iliass",
        "M:Anas|Anass|Annas",
        "M:Saad|Saâd|Sâad",
        "M:Wassim|Wasim|Ouassim|Waseem",
        "M:Nassim|Nasim|Nacim|Naseem",
        "M:Lahcen|Lahsen|Lahcène",
        "M:Hatim|Hatem|Haatim",
        "M:Abdessamad|Abdessamed|Abdul Samad|Abdelsamad",
        "M:Abdelmalek|Abdelmalik|Abdul Malik|Abdel Malek",
        "M:Chafik|Chafiq|Shafiq|Chefik",
        "F:Hajar|Hajer|Hadjer",
        "F:Bouchra|Bushra|Boushra",
        "F:Dounia|Donia|Dunya|Dounya",
        "F:Ghizlane|Ghizlaine|Rhizlane|Ghizlan",
        "F:Ibtissam|Ibtisam|Ebtissam|Btissam",
        "F:Kaoutar|Kawtar|Kaouthar|Kawthar",
        "F:Rajae|Rajaa|Raja",
        "F:Sanae|Sanaa|Sanaâ",
        "F:Souad|Suad|Soad",
        "F:Jamila|Djamila|Jameela|Jamilah",
        "F:Nawal|Naoual|Nawel",
        "F:Saloua|Salwa|Selwa",
        "F:Widad|Ouidad|Wedad",
        "F:Oumaima|Oumayma|Umaima|Omaima",
        "F:Ferdaous|Firdaous|Firdaws|Ferdaws",
        "F:Yousra|Yusra|Youssra|Yosra",
        "F:Hasna|Hasnae|Hasnaa",
        "F:Mouna|Muna|Mona",
        "F:Najoua|Najwa|Nejwa",
        "F:Rabia|Rabiaa|Rabiâ",
        "F:Touria|Thouria|Thuraya",
        "F:Ikhlass|Ikhlas|Ikhlasse",
        "F:Sihame|Siham|Sihem",
        "F:Fadoua|Fadwa|Fedoua",
        "F:Zakia|Zakiya|Zakiyya",
        "F:Wiam|Wiame|Wiem",
    };

    static String[] twoForms(String[] forms) {
        int i = R.nextInt(forms.length), j;
        do { j = R.nextInt(forms.length); } while (j == i);
        if (chance(0.4) && i != 0 && j != 0) i = 0;   // the first form is the most common in Belgium
        return new String[]{forms[i], forms[j]};
    }

    static NP arabFirst() {
        String g = pick(ARAB_FIRST);
        boolean male = g.startsWith("M");
        String[] ab = twoForms(g.substring(2).split("\\|"));
        Origin so = pickOrigin("MA:75", "SY:25");
        String l = lastName(so, male);
        return new NP(so.code, male, ab[0], l, ab[1], l);
    }

    // ---------- Arabic (and Afghan) surnames in several romanisations
    static final String[] ARAB_LAST = {
        "MA:Boutaleb|Boutalib|Bou Taleb", "MA:Benchekroun|Ben Chekroun",
        "MA:Ouahbi|Wahbi|Ouahby", "MA:Lamrani|Lemrani|Lamrany", "MA:Berrada|Berada|Barrada",
        "MA:Naciri|Nassiri|Nasiri", "MA:Raissouni|Raisouni|Rayssouni", "MA:Chahboun|Chahboune|Shahboun",
        "MA:Daoudi|Dawdi|Daoudy", "MA:Essaidi|Es-Saïdi|Essaydi", "MA:El Moussaoui|Elmoussaoui|El Moussawi|El Mousaoui",
        "MA:Kabbaj|Kabaj|Qabbaj", "MA:Laaroussi|Laroussi|Larousi", "MA:Marzouki|Marzougui|Merzouki",
        "MA:Ouardighi|Wardighi|Ouardirhi", "MA:Taouil|Tawil", "MA:Yacoubi|Yaacoubi|Yakoubi",
        "MA:Zerrouki|Zerouki|Zarrouki", "MA:Bouhlal|Bouhlel", "MA:Ghailan|Ghaylan|Rhailan",
        "MA:Abbassi|Abbasi|Abassi", "MA:Akouh|Akkouh", "MA:Hammami|Hamami|Hammamy",
        "MA:Jendoubi|Jandoubi|Djendoubi", "MA:Khelifi|Khalifi|Khlifi", "MA:Mejri|Majri|Medjri",
        "MA:Chaabane|Chabane|Shaaban", "MA:Belaid|Belaïd|Bel Aïd", "MA:Hadjadj|Hajjaj|Hadjaj",
        "MA:Mekki|Mekky|Makki", "MA:Ezzahraoui|Ezzahrawi|Ez-Zahraoui", "MA:Bouazza|Bou Azza|Bouaza",
        "SY:Shehadeh|Chehade|Shehade|Chahade", "SY:Sabbagh|Sabbag|Sabagh", "SY:Kanaan|Kanan|Kenaan",
        "SY:Hamdan|Hamdane|Hemdan", "SY:Al-Rubaie|Al-Rubaiy|Al Roubaie", "SY:Al-Dulaimi|Al Doulaimi|Al-Dulaymi",
        "SY:Al-Musawi|Al-Moussawi|Al Mousawi", "SY:Al-Azzawi|Al Azawi|Al-Azzaoui", "SY:Ghanem|Ghanim|Ghaneim",
        "SY:Chahine|Shaheen|Chahin", "SY:Hijazi|Hejazi|Higazi", "SY:Qureshi|Qurayshi|Kureishi",
        "AF:Sharifi|Charifi|Sharify", "AF:Habibi|Habiby|Hebibi", "AF:Rasuli|Rasouli|Rassouli",
        "AF:Sediqi|Seddiqi|Siddiqi|Sadiqi", "AF:Qaderi|Kaderi|Qadiri", "AF:Niazi|Niyazi|Nyazi",
        "AF:Akbari|Akbary", "AF:Faizi|Fayzi|Faizy", "AF:Jalali|Djalali|Jallali", "AF:Rahmani|Rahmany",
    };

    static NP arabLast() {
        String g = pick(ARAB_LAST);
        String oc = g.substring(0, g.indexOf(':'));
        String[] ab = twoForms(g.substring(g.indexOf(':') + 1).split("\\|"));
        boolean male = R.nextBoolean();
        Origin fo = oc.equals("MA") ? origin("MA") : origin("SY");
        String f = firstName(fo, male);
        return new NP(oc.equals("AF") ? "SY" : oc, male, f, ab[0], f, ab[1]);
    }

    // ---------- Turkish letters written the French / German / Dutch / plain-ASCII way
    static String turkish(String s, int style) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean up = Character.isUpperCase(c);
            String r;
            switch (c) {
                case 'ç': case 'Ç': r = style == 1 ? "tsch" : style == 2 ? "tch" : style == 3 ? "tsj" : "c"; break;
                case 'ş': case 'Ş': r = style == 1 ? "sch" : style == 2 ? "ch" : style == 3 ? "sj" : "s"; break;
                case 'ö': case 'Ö': r = style == 1 ? "oe" : "o"; break;
                case 'ü': case 'Ü': r = style == 1 ? "ue" : "u"; break;
                case 'ğ': r = "g"; break;
                case 'ı': r = "i"; break;
                case 'İ': r = "i"; up = true; break;
                default: r = String.valueOf(c); up = false;
            }
            if (up) r = Character.toUpperCase(r.charAt(0)) + r.substring(1);
            sb.append(r);
        }
        return sb.toString();
    }

    static boolean hasTurkish(String s) { return s.matches(".*[çÇşŞöÖüÜğıİ].*"); }

    static NP turkishNP() {
        Origin o = origin("TR");
        for (int t = 0; t < 200; t++) {
            boolean male = R.nextBoolean();
            String f = firstName(o, male), l = lastName(o, male);
            if (!hasTurkish(f) && !hasTurkish(l)) continue;
            int k = R.nextInt(100);
            int style = k < 50 ? 0 : k < 75 ? 1 : k < 95 ? 2 : 3;
            String bf = turkish(f, style), bl = turkish(l, style);
            // a mixed case: one field keeps its Turkish letters
            if (chance(0.2) && hasTurkish(f) && hasTurkish(l)) { if (R.nextBoolean()) bf = f; else bl = l; }
            if (bf.equals(f) && bl.equals(l)) continue;
            if (chance(0.2)) return new NP("TR", male, bf, bl, f, l);   // old record without Turkish letters
            return new NP("TR", male, f, l, bf, bl);
        }
        throw new IllegalStateException();
    }

    // ---------- Ukrainian / Russian names in several romanisations
    static final String[] SLAV_FIRST = {
        "M:Petro|Pyotr|Petr",
        "M:Anatoliy|Anatolii|Anatoli|Anatoly|Anatolij",
        "M:Valeriy|Valerii|Valeri|Valery|Walerij",
        "M:Viktor|Victor|Wiktor",
        "M:Kostiantyn|Kostyantyn|Konstantin|Konstantyn",
        "M:Hennadiy|Hennadii|Gennadiy|Gennadi|Guennadi",
        "M:Hryhoriy|Hryhorii|Grigoriy|Grigori|Grigory",
        "M:Borys|Boris",
        "M:Fedir|Fyodor|Fedor|Fiodor|Fjodor",
        "M:Illia|Illya|Ilya|Ilia|Ilja",
        "M:Kyrylo|Kirill|Kyrill|Kiril",
        "M:Danylo|Danilo|Daniil",
        "M:Tymofiy|Tymofii|Timofei|Timofey|Timofej",
        "M:Vadym|Vadim|Wadim",
        "M:Valentyn|Valentin|Walentin",
        "M:Myroslav|Miroslav|Miroslaw",
        "M:Zakhar|Zachar|Sachar",
        "M:Yakiv|Yakov|Iakov|Jakow",
        "M:Semen|Semyon|Semion|Semjon",
        "M:Heorhiy|Heorhii|Georgiy|Georgi|Guéorgui",
        "M:Arseniy|Arsenii|Arseni|Arseny",
        "F:Larysa|Larisa|Larissa",
        "F:Valentyna|Valentina|Walentina",
        "F:Nadiia|Nadiya|Nadija",
        "F:Liubov|Lyubov|Ljubow|Lioubov",
        "F:Zoia|Zoya|Zoja",
        "F:Uliana|Ulyana|Ouliana|Uljana",
        "F:Solomiia|Solomiya|Solomia",
        "F:Hanna|Ganna",
        "F:Raisa|Raïssa|Raissa",
        "F:Vira|Vera|Wera",
        "F:Liliia|Liliya|Lilia|Lilija",
        "F:Maryna|Marina",
        "F:Yevdokiia|Yevdokiya|Evdokia|Ievdokiia",
        "F:Zhanna|Janna|Schanna",
        "F:Alyona|Aliona|Aljona|Alena",
        "F:Yelyzaveta|Elizaveta|Yelizaveta|Ielyzaveta|Jelisaweta",
        "F:Kseniia|Kseniya|Xenia|Ksenija",
    };

    static final String[] SLAV_LAST = {
        "Sydorenko|Sidorenko",
        "Vasylenko|Vasilenko|Wassilenko|Wasylenko",
        "Ostapchuk|Ostaptchouk|Ostaptschuk|Ostapczuk",
        "Zinchenko|Zintchenko|Sintschenko|Zinczenko",
        "Prykhodko|Prikhodko|Prychodko|Pryhodko",
        "Kushnir|Kouchnir|Kuschnir|Kusznir",
        "Shvets|Chvets|Schwez|Szwec",
        "Marchuk|Martchouk|Martschuk|Marczuk",
        "Tymoshenko|Timochenko|Tymoschenko|Tymoszenko",
        "Zakharchenko|Zakhartchenko|Sachartschenko|Zacharczenko",
        "Demchenko|Demtchenko|Demtschenko|Demczenko",
        "Khomenko|Chomenko",
        "Hordiienko|Hordienko|Gordienko|Gordijenko",
        "Danylenko|Danilenko",
        "Symonenko|Simonenko",
        "Kucher|Koucher|Kutscher|Kuczer",
        "Panchenko|Pantchenko|Pantschenko|Panczenko",
        "Hrebeniuk|Grebenyuk|Hrebenjuk|Grebeniouk",
        "Zhuk|Jouk|Schuk|Żuk",
        "Vasiliev|Vassiliev|Wassiljew|Vasilyev",
        "Semyonov|Semenov|Semionov|Semjonow",
        "Vorobyov|Vorobiev|Worobjow|Vorobyev",
        "Solovyov|Soloviev|Solowjow|Solovyev",
        "Kiselyov|Kiselev|Kisseliov|Kisseljow",
        "Yakovlev|Iakovlev|Jakowlew",
        "Grigoriev|Grigoryev|Grigorjew|Hryhoriev",
        "Zakharov|Zakharow|Sacharow|Zacharov",
        "Golubev|Goloubev|Golubew",
        "Tarasov|Tarassov|Tarasow",
        "Belyaev|Beliaev|Beljajew",
        "Bogdanov|Bogdanow|Bohdanov",
        "Makarov|Makarow",
        "Frolov|Frolow",
        "Romanov|Romanow",
        "Kovtun|Kowtun",
        "Tkach|Tkatch|Tkatsch|Tkacz",
    };

    static NP slavic() {
        String gf = pick(SLAV_FIRST);
        boolean male = gf.startsWith("M");
        String[] ff = gf.substring(2).split("\\|");
        String[] ll = pick(SLAV_LAST).split("\\|");
        int k = R.nextInt(100);
        String af, bf, al, bl;
        if (k < 40) { String[] x = twoForms(ff); af = x[0]; bf = x[1]; String[] y = twoForms(ll); al = y[0]; bl = y[1]; }
        else if (k < 70) { String[] x = twoForms(ff); af = x[0]; bf = x[1]; al = bl = pick(ll); }
        else { af = bf = pick(ff); String[] y = twoForms(ll); al = y[0]; bl = y[1]; }
        if (!male) { al = fem("SLAV", al); bl = fem("SLAV", bl); }
        return new NP(chance(0.75) ? "UA" : "RU", male, af, al, bf, bl);
    }

    // ---------- Dutch ij / y
    static final String[] IJ = {
        "Huijgens", "Van Wijnsberghe", "Van Rijsselberghe", "Bruijninckx", "Huijsmans", "Heijvaert", "Wijnen",
        "Van Wijk", "Spruijt", "Ruijters", "Reijntjens", "Bruijnooghe", "Van Reijbrouck", "Rijmen", "Feijen",
        "Weijns", "Ceijssens", "Heijman", "Vandevijvere", "Gijbels", "Tijtgat", "De Rijcke", "Van Rijckeghem",
        "Van Puijvelde", "Vuijlsteke", "Muijlaert", "Duijck", "Buijse", "Van Gijseghem", "Cuijpers",
        "IJsebaert", "IJsewijn", "Luijckx", "Verrijcken", "Lijnen", "Rijckx", "Gijsen", "Van Lijsebetten",
    };

    static String ijToY(String s, boolean all) {
        // IJ at word start: "IJzerman" -> "Yzerman"
        String out = s;
        String[][] reps = {{"IJ", "Y"}, {"Ij", "Y"}, {"ij", "y"}};
        if (all) { for (String[] r : reps) out = out.replace(r[0], r[1]); return out; }
        for (String[] r : reps) { int i = out.indexOf(r[0]); if (i >= 0) return out.substring(0, i) + r[1] + out.substring(i + 2); }
        return out;
    }

    static NP dutchIjY() {
        String a = pick(IJ);
        String b;
        int k = R.nextInt(100);
        if (a.startsWith("IJ") && k < 35) b = "Ij" + a.substring(2);                 // IJzerman / Ijzerman
        else if (countIj(a) > 1 && k < 30) b = ijToY(a, false);                      // only one of two ij
        else b = ijToY(a, true);
        Origin fo = chance(0.85) ? origin("BE_NL") : origin("BE_FR");
        boolean male = R.nextBoolean();
        String f = firstName(fo, male);
        if (chance(0.45)) return new NP("BE_NL", male, f, b, f, a);   // the y form is often the official one in Belgium
        return new NP("BE_NL", male, f, a, f, b);
    }

    static int countIj(String s) {
        int n = 0; String l = s.toLowerCase(Locale.ROOT);
        for (int i = l.indexOf("ij"); i >= 0; i = l.indexOf("ij", i + 1)) n++;
        return n;
    }

    // =====================================================================
    // Birth date typos
    // =====================================================================

    static LocalDate birthTypo(LocalDate d) {
        for (int t = 0; t < 200; t++) {
            int k = R.nextInt(100);
            int y = d.getYear(), m = d.getMonthValue(), day = d.getDayOfMonth();
            LocalDate n = null;
            try {
                if (k < 35) {                                   // one digit wrong (neighbour key or random)
                    String s = d.toString();
                    int p = pick(new Integer[]{3, 3, 6, 8, 9, 9});
                    int dg = s.charAt(p) - '0';
                    int nd = chance(0.7) ? dg + (R.nextBoolean() ? 1 : -1) : R.nextInt(10);
                    if (nd < 0 || nd > 9 || nd == dg) continue;
                    n = LocalDate.parse(s.substring(0, p) + nd + s.substring(p + 1));
                } else if (k < 65) {                            // day and month swapped
                    if (day > 12 || day == m) continue;
                    n = LocalDate.of(y, day, m);
                } else if (k < 85) {                            // 1987 / 1978
                    int u = y % 10, te = (y / 10) % 10;
                    if (u == te) continue;
                    n = LocalDate.of(y - y % 100 + u * 10 + te, m, day);
                } else {                                        // one year digit off by ten
                    n = LocalDate.of(y + (R.nextBoolean() ? 10 : -10), m, day);
                }
            } catch (Exception e) { continue; }
            if (n != null && !n.equals(d) && n.getYear() >= 1925 && n.getYear() <= 2008) return n;
        }
        return d.plusDays(1);
    }

    // =====================================================================
    // Same-person pairs
    // =====================================================================

    enum CM { USUAL, KEEP_ONE, NONE }
    enum BM { SAME, MAYBE_UNKNOWN, TYPO }

    static boolean emailFromA = false;   // set while building a pair whose B name has a typo

    static String freshEmail(Rec a, Rec b, String origin) {
        for (int t = 0; t < 50; t++) {
            boolean useB = !emailFromA && chance(0.8);
            String e = newEmail(useB ? b.first : a.first, useB ? b.last : a.last, a.birth, origin);
            if (!containsIgnoreCase(a.emails, e) && !containsIgnoreCase(b.emails, e)) return e;
        }
        return norm(b.first) + "." + norm(b.last) + digits(3) + "@gmail.com";
    }

    static String freshPhone(Rec a, String origin) {
        for (int t = 0; t < 50; t++) {
            String p = chance(0.9) ? personalPhone(origin) : landline(origin);
            if (!a.phones.contains(p)) return p;
        }
        return mobile();
    }

    static void sameContacts(Rec a, Rec b, String origin, CM cm) {
        boolean keep = cm == CM.KEEP_ONE || (cm == CM.USUAL && chance(1.0 / 3));
        if (keep) {
            boolean keepEmail;
            if (a.emails.isEmpty()) keepEmail = false;
            else if (a.phones.isEmpty()) keepEmail = true;
            else keepEmail = chance(0.55);
            if (keepEmail) {
                b.emails.add(pick(a.emails));
                if (chance(0.12)) b.emails.add(freshEmail(a, b, origin));
                if (chance(0.8)) b.phones.add(freshPhone(a, origin));
            } else {
                b.phones.add(pick(a.phones));
                if (chance(0.15)) b.phones.add(0, freshPhone(a, origin));
                if (chance(0.93)) b.emails.add(freshEmail(a, b, origin));
            }
        } else {
            if (chance(0.96)) b.emails.add(freshEmail(a, b, origin));
            if (chance(0.82) || b.emails.isEmpty()) b.phones.add(freshPhone(a, origin));
        }
    }

    static String capitalise(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at), dom = email.substring(at);
        for (int t = 0; t < 10; t++) {
            int k = R.nextInt(100);
            String l;
            if (k < 45) {            // Jean.Dupont
                StringBuilder sb = new StringBuilder();
                boolean start = true;
                for (char c : local.toCharArray()) {
                    sb.append(start ? Character.toUpperCase(c) : c);
                    start = !Character.isLetter(c);
                }
                l = sb.toString();
            } else if (k < 70) {     // Jdupont75
                l = Character.toUpperCase(local.charAt(0)) + local.substring(1);
            } else if (k < 85) {     // JEAN.DUPONT
                l = upper(local);
            } else {                 // jean.DUPONT
                int dot = Math.max(local.indexOf('.'), local.indexOf('_'));
                l = dot > 0 ? local.substring(0, dot + 1) + upper(local.substring(dot + 1)) : upper(local);
            }
            String d = dom;
            if (chance(0.15)) d = "@" + Character.toUpperCase(dom.charAt(1)) + dom.substring(2);
            if (chance(0.05)) d = upper(dom);
            if (!l.equals(local)) return l + d;
        }
        return upper(local) + dom;
    }

    /** Builds one same-person row from a name pair. */
    static boolean addSame(String kind, NP np, CM cm, BM bm, boolean emailCaps) {
        LocalDate birth = randBirth();
        emailFromA = np.typo();
        Rec a = person(np.o(), np.af(), np.al(), birth);
        Rec b = new Rec(np.bf(), np.bl(), birth);
        if (bm == BM.TYPO) { b.birth = birthTypo(birth); cm = CM.KEEP_ONE; }
        if (bm == BM.MAYBE_UNKNOWN && chance(0.06)) {
            if (chance(0.7)) a.unknownBirth = true; else b.unknownBirth = true;
            cm = CM.KEEP_ONE;   // without birth date only a shared contact makes it certain
        }
        if (emailCaps) {
            if (a.emails.isEmpty() || !a.emails.get(0).matches("^[a-z].*")) {
                a.emails.clear();
                String e;
                do { e = newEmail(a.first, a.last, birth, np.o()); } while (!e.matches("^[a-z].*"));
                a.emails.add(e);
            }
            b.emails.add(capitalise(pick(a.emails.stream().filter(x -> x.matches("^[a-z].*")).toList())));
            int k = R.nextInt(100);
            if (k < 55) b.phones.add(freshPhone(a, np.o()));
            else if (k < 75 && !a.phones.isEmpty()) b.phones.add(a.phones.get(0));
        } else {
            sameContacts(a, b, np.o(), cm);
        }
        return emit(kind, true, a, b);
    }

    /** Name variant generators usable by the combined kinds. */
    static NP anyVariant(boolean forNewContacts) {
        int k = R.nextInt(forNewContacts ? 13 : 11);
        switch (k) {
            case 0: return accentsCase();
            case 1: return nickname();
            case 2: return arabFirst();
            case 3: return arabLast();
            case 4: return turkishNP();
            case 5: return slavic();
            case 6: return dutchIjY();
            case 7: return compound();
            case 8: { Married m; do { m = married(); } while (!m.maidenVisible); return m.np; }
            case 9: return swapped();
            case 10: return nickname();
            case 11: return typoSurname();
            default: return typoFirst();
        }
    }

    static void variantPlusNewContacts(String kind, int n) {
        while (COUNT.getOrDefault(kind, 0) < n) addSame(kind, anyVariant(true), CM.NONE, BM.SAME, false);
    }

    static NP genericChange(NP np, int which) {
        switch (which) {
            case 0: { String t = typo(np.bl()); return t == null || norm(np.bl()).length() < 4 ? null : np.withTypo(np.bf(), t); }
            case 1: { String t = typo(np.bf()); return t == null || norm(np.bf()).length() < 4 ? null : np.withTypo(t, np.bl()); }
            case 2: { String f = upper(fold(np.bf())), l = upper(fold(np.bl()));
                      if (R.nextBoolean()) f = np.bf();
                      return np.withB(f, l); }
            case 3: { String f = fold(np.bf()), l = fold(np.bl());
                      return f.equals(np.bf()) && l.equals(np.bl()) ? null : np.withB(f, l); }
            default: return np.withB(np.bl(), np.bf());
        }
    }

    static void twoChanges(String kind, int n) {
        while (COUNT.getOrDefault(kind, 0) < n) {
            int k = R.nextInt(100);
            NP base;
            if (k < 12) {                  // Arabic first name + Arabic surname spelled differently
                NP f = arabFirst();
                String[] l = twoForms(pick(ARAB_LAST).split(":")[1].split("\\|"));
                base = new NP("MA", f.male(), f.af(), l[0], f.bf(), l[1]);
                addSame(kind, base, CM.USUAL, BM.SAME, false);
                continue;
            }
            if (k < 20) {                  // nickname + particles (Jef Van den Bossche / Jozef Vandenbossche)
                NP nk; do { nk = nickname(); } while (!nk.o().equals("BE_NL"));
                NP c; do { c = compound(); } while (!c.o().equals("BE_NL"));
                base = new NP("BE_NL", nk.male(), nk.af(), c.al(), nk.bf(), c.bl());
                addSame(kind, base, CM.USUAL, BM.SAME, false);
                continue;
            }
            if (k < 26) {                  // nickname + ij/y (Wim Wijnants / Willem Wynants)
                NP nk; do { nk = nickname(); } while (!nk.o().equals("BE_NL"));
                NP ij = dutchIjY();
                base = new NP("BE_NL", nk.male(), nk.af(), ij.al(), nk.bf(), ij.bl());
                addSame(kind, base, CM.USUAL, BM.SAME, false);
                continue;
            }
            if (k < 32) {                  // nickname + married name (Catherine Dupont / Cathy Dupont-Lambert)
                Married m; do { m = married(); } while (!m.maidenVisible || !BELGIAN.contains(m.np.o()));
                NP nk; do { nk = nickname(); } while (nk.male() || !nk.o().equals(m.np.o()));
                base = new NP(m.np.o(), false, nk.af(), m.np.al(), nk.bf(), m.np.bl());
                addSame(kind, base, CM.USUAL, BM.SAME, false);
                continue;
            }
            // a table variant (or a plain name) combined with a generic change
            NP v = R.nextInt(100) < 85 ? anyVariant(false) : plain(pickOrigin(), R.nextBoolean());
            boolean plainName = v.af().equals(v.bf()) && v.al().equals(v.bl());
            int g = R.nextInt(100);
            if (g < 30) {                  // + birth-date typo (a contact is kept)
                if (plainName) { String t = typo(v.bl()); if (t == null) continue; v = v.withTypo(v.bf(), t); }
                addSame(kind, v, CM.KEEP_ONE, BM.TYPO, false);
            } else if (g < 45) {           // + same e-mail typed with capitals
                if (plainName) continue;
                addSame(kind, v, CM.USUAL, BM.SAME, true);
            } else {                       // + a second name change
                if (plainName) continue;
                NP w = genericChange(v, R.nextInt(5));
                if (w == null || (w.bf().equals(v.bf()) && w.bl().equals(v.bl()))) continue;
                if (w.bf().equals(w.af()) && w.bl().equals(w.al())) continue;
                addSame(kind, w, CM.USUAL, BM.SAME, false);
            }
        }
    }

    // =====================================================================
    // Two-people pairs
    // =====================================================================

    static final String[] TWINS_SIMILAR = {
        "BE_FR:Elio/M|Elia/F", "BE_FR:Lucien/M|Lucienne/F", "BE_FR:Émile/M|Émilie/F", "BE_FR:Charles/M|Charlotte/F",
        "BE_FR:Victor/M|Victoire/F", "BE_FR:Augustin/M|Augustine/F", "BE_FR:Valentin/M|Valentine/F", "BE_FR:Axel/M|Axelle/F",
        "BE_FR:Gaël/M|Gaëlle/F", "BE_FR:Raphaël/M|Raphaëlle/F", "BE_FR:Justin/M|Justine/F", "BE_FR:Marin/M|Marine/F",
        "BE_FR:Flavien/M|Flavie/F", "BE_FR:Célestin/M|Céleste/F", "BE_FR:Maël/M|Maëlle/F", "BE_FR:Adam/M|Ada/F",
        "BE_NL:Senne/M|Sanne/F", "BE_NL:Milo/M|Mila/F", "BE_NL:Arne/M|Arno/M", "BE_NL:Hannes/M|Hanne/F",
        "BE_NL:Niels/M|Nele/F", "BE_NL:Jasper/M|Jasmien/F",
        "BE_DE:Emil/M|Emilia/F", "BE_DE:Henrik/M|Henrike/F", "BE_DE:Anton/M|Antonia/F", "BE_DE:Johann/M|Johanna/F",
        "BE_DE:Frederik/M|Frederike/F",
        "IT:Giorgio/M|Giorgia/F", "IT:Alessio/M|Alessia/F", "IT:Vittorio/M|Vittoria/F", "IT:Martino/M|Martina/F",
        "IT:Emanuele/M|Emanuela/F", "IT:Stefano/M|Stefania/F", "IT:Michele/M|Michela/F", "IT:Gabriele/M|Gabriella/F",
        "IT:Lorenzo/M|Lorenza/F", "IT:Enrico/M|Enrica/F",
        "ES:Julio/M|Julia/F", "ES:Manuel/M|Manuela/F", "ES:Ángel/M|Ángela/F", "ES:Roberto/M|Roberta/F",
        "ES:Pablo/M|Paula/F", "ES:Juan/M|Juana/F",
        "PT:Luís/M|Luísa/F", "PT:Vítor/M|Vitória/F", "PT:Filipe/M|Filipa/F",
        "PL:Karol/M|Karolina/F", "PL:Dominik/M|Dominika/F", "PL:Kamil/M|Kamila/F", "PL:Józef/M|Józefa/F",
        "PL:Stanisław/M|Stanisława/F", "PL:Marcel/M|Marcelina/F",
        "RO:Ionel/M|Ionela/F", "RO:Florin/M|Florina/F", "RO:Sorin/M|Sorina/F", "RO:Marian/M|Mariana/F",
        "RO:Lucian/M|Luciana/F", "RO:Adrian/M|Adriana/F", "RO:Iulian/M|Iuliana/F", "RO:Ștefan/M|Ștefania/F",
        "RO:Cosmin/M|Cosmina/F",
        "MA:Jalil/M|Jalila/F", "MA:Latif/M|Latifa/F", "MA:Naim/M|Naima/F", "MA:Habib/M|Habiba/F",
        "MA:Amir/M|Amira/F", "MA:Zahir/M|Zahira/F", "MA:Najib/M|Najiba/F", "MA:Adil/M|Adila/F",
        "TR:Selim/M|Selin/F", "TR:Mert/M|Merve/F", "TR:Arda/M|Ada/F",
        "CD:Prince/M|Princesse/F", "CD:Héritier/M|Héritière/F", "CD:Bienvenu/M|Bienvenue/F", "CD:Parfait/M|Parfaite/F",
        "CD:Gloire/M|Gloria/F",
        "UA:Stanislav/M|Stanislava/F", "UA:Myroslav/M|Myroslava/F", "UA:Valentyn/M|Valentyna/F",
        "UA:Yevhen/M|Yevheniia/F", "UA:Viktor/M|Viktoriia/F",
        "GR:Christos/M|Christina/F", "GR:Stavros/M|Stavroula/F", "GR:Panagiotis/M|Panagiota/F",
        "GR:Theodoros/M|Theodora/F", "GR:Evangelos/M|Evangelia/F", "GR:Kyriakos/M|Kyriaki/F",
        "GR:Anastasios/M|Anastasia/F",
        "AL:Dardan/M|Dardana/F", "AL:Ilir/M|Ilira/F", "AL:Gent/M|Genta/F",
    };

    /** Household: landline, household e-mail, one parent's mobile. */
    static final class Household {
        String landline, email, parentMobile;
        Household(String origin, String last) {
            landline = landline(origin);
            Origin o = origin(origin);
            email = householdEmail(last, origin, firstName(o, R.nextBoolean()));
            parentMobile = personalPhone(origin);
        }
        String phone() { return chance(0.5) ? landline : parentMobile; }
    }

    static LocalDate youngBirth() {
        double r = R.nextDouble();
        if (r < 0.65) return birthInYears(1995, 2007);
        if (r < 0.9) return birthInYears(1978, 1994);
        return birthInYears(1950, 1977);
    }

    static void twinLike(String kind, String origin, String f1, boolean m1, String f2, boolean m2, String lastMasc) {
        Origin o = origin(origin);
        String l1 = m1 ? lastMasc : fem(origin, lastMasc), l2 = m2 ? lastMasc : fem(origin, lastMasc);
        LocalDate birth = chance(0.85) ? birthInYears(1990, 2007) : birthInYears(1965, 1989);
        Household h = new Household(origin, lastMasc);
        Rec a = new Rec(f1, l1, birth), b = new Rec(f2, l2, birth);
        String hp = h.phone();
        a.phones.add(hp); b.phones.add(hp);
        if (chance(0.5)) a.phones.add(0, personalPhone(origin));
        if (chance(0.5)) b.phones.add(0, personalPhone(origin));
        if (chance(0.6)) { a.emails.add(h.email); b.emails.add(h.email); }
        else {
            a.emails.add(newEmail(f1, l1, birth, origin));
            String e;
            do { e = newEmail(f2, l2, birth, origin); } while (e.equalsIgnoreCase(a.emails.get(0)));
            b.emails.add(e);
            if (chance(0.3)) (R.nextBoolean() ? a : b).emails.add(h.email);
        }
        if (chance(0.15)) { a.emails.add(0, newEmail(f1, l1, birth, origin)); }
        if (a.phones.contains(b.phones.get(0)) && !a.phones.equals(b.phones)) { /* fine: at least one shared */ }
        if (R.nextBoolean()) emit(kind, false, a, b); else emit(kind, false, b, a);
    }

    static void twinsSimilar(String kind, int n) {
        while (COUNT.getOrDefault(kind, 0) < n) {
            String e = pick(TWINS_SIMILAR);
            String oc = e.substring(0, e.indexOf(':'));
            String[] p = e.substring(e.indexOf(':') + 1).split("\\|");
            String[] x = p[0].split("/"), y = p[1].split("/");
            twinLike(kind, oc, x[0], x[1].equals("M"), y[0], y[1].equals("M"), pick(origin(oc).l));
        }
    }

    static void twinsDifferent(String kind, int n) {
        while (COUNT.getOrDefault(kind, 0) < n) {
            Origin o = pickOrigin();
            if (o.code.equals("CD") && chance(0.35)) {   // Luba (Tshiluba) twin names: Mbuyi (first-born), Kanku
                String l; do { l = pick(o.l); } while (l.equals("Mbuyi") || l.equals("Kanku"));
                twinLike(kind, "CD", "Mbuyi", R.nextBoolean(), "Kanku", R.nextBoolean(), l); continue;
            }
            boolean m1 = R.nextBoolean(), m2 = R.nextBoolean();
            String f1 = firstName(o, m1), f2 = firstName(o, m2);
            if (!clearlyDifferent(f1, f2)) continue;
            twinLike(kind, o.code, f1, m1, f2, m2, pick(o.l));
        }
    }

    static void parentChild(String kind, int n) {
        while (COUNT.getOrDefault(kind, 0) < n) {
            Origin o = pickOrigin("BE_FR:25", "BE_NL:18", "BE_DE:4", "IT:10", "PT:5", "ES:4", "MA:14", "TR:5",
                    "CD:6", "PL:3", "AL:3", "RU:2", "UA:2", "GR:2", "SY:3");
            boolean male = chance(0.8);
            String f = firstName(o, male), l = lastName(o, male);
            LocalDate pb = birthInYears(1940, 1985);
            int gap = between(20, 40);
            if (pb.getYear() + gap > 2007) continue;
            LocalDate cb = LocalDate.of(pb.getYear() + gap, 1, 1).plusDays(R.nextInt(365));
            Rec parent = person(o.code, f, l, pb), child = person(o.code, f, l, cb);
            // no accidental identical personal e-mail
            child.emails.removeIf(x -> containsIgnoreCase(parent.emails, x));
            child.phones.removeIf(parent.phones::contains);
            int k = R.nextInt(100);
            Household h = new Household(o.code, l);
            if (k < 35) { parent.phones.add(h.landline); child.phones.add(h.landline); }
            else if (k < 55) { parent.emails.add(0, h.email); child.emails.add(0, h.email); }
            else if (k < 70) { parent.phones.add(h.landline); child.phones.add(h.landline); parent.emails.add(h.email); child.emails.add(h.email); }
            else if (k < 80) { // the parent's own mobile / e-mail given for the child
                if (!parent.phones.isEmpty() && R.nextBoolean()) child.phones.add(parent.phones.get(0));
                else if (!parent.emails.isEmpty()) child.emails.add(parent.emails.get(0));
                else child.phones.add(parent.phones.get(0));
            }
            // else: nothing shared (the son registered on his own)
            if (child.emails.isEmpty() && child.phones.isEmpty()) child.emails.add(newEmail(f, l, cb, o.code) .replace("@", between(1, 99) + "@"));
            if (R.nextBoolean()) emit(kind, false, parent, child); else emit(kind, false, child, parent);
        }
    }

    static void couples(String kind, int n) {
        while (COUNT.getOrDefault(kind, 0) < n) {
            Origin o1 = pickOrigin();
            Origin o2 = chance(0.75) ? o1 : pickOrigin();
            if (o1.w == 0 || o2.w == 0) continue;
            boolean sameSex = chance(0.06);
            boolean m1 = true, m2 = sameSex ? true : false;
            if (sameSex && chance(0.5)) { m1 = false; m2 = false; }
            String f1 = firstName(o1, m1), f2 = firstName(o2, m2);
            if (!clearlyDifferent(f1, f2)) continue;
            String l1 = lastName(o1, m1), l2;
            int k = R.nextInt(100);
            if (k < 60 || sameSex) { l2 = lastName(o2, m2); if (l2.equals(l1)) continue; }
            else if (k < 88) l2 = m2 ? l1 : fem(o1.code, l1);       // she uses his name
            else l2 = lastName(o2, m2) + "-" + l1;                   // Dupont-Lambert
            LocalDate b1 = birthInYears(1945, 2002);
            LocalDate b2 = b1.plusDays(between(-8 * 365, 8 * 365));
            if (b2.getYear() > 2005) continue;
            Rec a = person(o1.code, f1, l1, b1), b = person(o2.code, f2, l2, b2);
            Household h = new Household(o1.code, l1);
            int s = R.nextInt(100);
            if (s < 40) { a.emails.add(0, h.email); b.emails.add(0, h.email); }
            else if (s < 75) { String p = chance(0.6) ? h.landline : a.phones.isEmpty() ? h.landline : a.phones.get(0);
                               if (!a.phones.contains(p)) a.phones.add(p); b.phones.add(p); }
            else { a.emails.add(0, h.email); b.emails.add(0, h.email); a.phones.add(h.landline); b.phones.add(h.landline); }
            b.emails.removeIf(x -> !x.equals(h.email) && containsIgnoreCase(a.emails, x));
            if (R.nextBoolean()) emit(kind, false, a, b); else emit(kind, false, b, a);
        }
    }

    static void siblings(String kind, int n) {
        while (COUNT.getOrDefault(kind, 0) < n) {
            Origin o = pickOrigin();
            boolean m1 = R.nextBoolean(), m2 = R.nextBoolean();
            String f1 = firstName(o, m1), f2 = firstName(o, m2);
            if (!clearlyDifferent(f1, f2)) continue;
            String lm = pick(o.l);
            String l1 = m1 ? lm : fem(o.code, lm), l2 = m2 ? lm : fem(o.code, lm);
            LocalDate b1 = youngBirth();
            int gap = between(1, 10) * (R.nextBoolean() ? 1 : -1);
            LocalDate b2 = b1.plusYears(gap).plusDays(between(-150, 150));
            long days = Math.abs(b2.toEpochDay() - b1.toEpochDay());
            if (b2.getYear() > 2007 || days < 366 || days > 10 * 365 + 2) continue;
            Rec a = person(o.code, f1, l1, b1), b = person(o.code, f2, l2, b2);
            b.emails.removeIf(x -> containsIgnoreCase(a.emails, x));
            Household h = new Household(o.code, lm);
            int s = R.nextInt(100);
            if (s < 35) { a.phones.add(h.landline); b.phones.add(h.landline); }
            else if (s < 55) { a.phones.add(h.parentMobile); b.phones.add(h.parentMobile); }
            else if (s < 80) { a.emails.add(0, h.email); b.emails.add(0, h.email); }
            else { a.emails.add(0, h.email); b.emails.add(0, h.email); a.phones.add(h.landline); b.phones.add(h.landline); }
            if (R.nextBoolean()) emit(kind, false, a, b); else emit(kind, false, b, a);
        }
    }

    /** Independent contact data: no e-mail or phone in common. */
    static void noSharedContacts(Rec a, Rec b, String origin) {
        b.emails.removeIf(x -> containsIgnoreCase(a.emails, x));
        b.phones.removeIf(a.phones::contains);
        if (b.emails.isEmpty() && b.phones.isEmpty()) b.phones.add(mobile());
    }

    static void namesakes(String kind, int n) {
        while (COUNT.getOrDefault(kind, 0) < n) {
            Origin o = pickOrigin();
            boolean male = R.nextBoolean();
            String[] fs = male ? o.m : o.f;
            String f = fs[R.nextInt(Math.min(6, fs.length))];
            if (o.code.equals("VN")) f = (male ? "Văn " : "Thị ") + f;
            String l = o.l[R.nextInt(Math.min(6, o.l.length))];
            if (!male) l = fem(o.code, l);
            LocalDate b1 = randBirth(), b2;
            do { b2 = randBirth(); } while (Math.abs(b2.getYear() - b1.getYear()) < 1);
            Rec a = person(o.code, f, l, b1), b = person(o.code, f, l, b2);
            if (chance(0.15)) { b.first = fold(f); b.last = fold(l); if (chance(0.4)) b.last = upper(b.last); }
            noSharedContacts(a, b, o.code);
            emit(kind, false, a, b);
        }
    }

    static void sameBirthday(String kind, int n) {
        while (COUNT.getOrDefault(kind, 0) < n) {
            LocalDate d = randBirth();
            Origin o1 = pickOrigin();
            boolean m1 = R.nextBoolean(), m2 = R.nextBoolean();
            String f1 = firstName(o1, m1), l1 = lastName(o1, m1), f2, l2;
            String oc2 = o1.code;
            int k = R.nextInt(100);
            if (k < 50) { Origin o2 = pickOrigin(); oc2 = o2.code; f2 = firstName(o2, m2); l2 = lastName(o2, m2);
                          if (norm(l2).equals(norm(l1))) continue; }
            else if (k < 85) {              // same common surname, different first name
                String lm = o1.l[R.nextInt(Math.min(8, o1.l.length))];
                l1 = m1 ? lm : fem(o1.code, lm); l2 = m2 ? lm : fem(o1.code, lm);
                f2 = firstName(o1, m2);
            } else {                        // same (common) first name, different surname
                m2 = m1; f2 = f1; l2 = lastName(o1, m2);
                if (norm(l2).equals(norm(l1))) continue;
            }
            if (!f1.equals(f2) && !clearlyDifferent(f1, f2)) continue;
            Rec a = person(o1.code, f1, l1, d), b = person(oc2, f2, l2, d);
            noSharedContacts(a, b, oc2);
            emit(kind, false, a, b);
        }
    }

    static final String[] CLOSE_LAST = {
        "BE_NL:Verlinden|Verlinde", "BE_NL:Bogaert|Bogaerts", "BE_NL:Cornelis|Cornelissen", "BE_NL:Timmermans|Timmerman",
        "BE_NL:Beckers|Bekkers", "BE_NL:Verheyen|Verhaegen", "BE_NL:Gielen|Geelen", "BE_NL:Raes|Raets",
        "BE_NL:Daems|Dams", "BE_NL:Cuypers|Kuipers", "BE_NL:Dierickx|Dierckx", "BE_NL:Engelen|Engels",
        "BE_NL:Meeus|Mees", "BE_NL:Verbruggen|Verbrugge", "BE_NL:Lenaerts|Leenaerts", "BE_NL:Smolders|Smulders",
        "BE_FR:Jadoul|Jadot", "BE_FR:Moreau|Moureau", "BE_FR:Piette|Piret", "BE_FR:Charlier|Charlet",
        "BE_FR:Poncelet|Poncin", "BE_FR:Gilbert|Gilbart", "BE_FR:Evrard|Everard", "BE_FR:Marchand|Marchant",
        "BE_FR:Dumoulin|Desmoulin", "BE_FR:Lambotte|Lambot", "BE_FR:Cornet|Cornez", "BE_FR:Halin|Hallin",
        "BE_FR:Kinet|Quinet", "BE_FR:Baudoin|Baudouin", "BE_FR:Mathot|Mathys",
        "BE_DE:Radermacher|Rademacher", "BE_DE:Brüll|Brühl", "BE_DE:Zimmermann|Zimmer", "BE_DE:Reuter|Reuters",
        "BE_DE:Pauels|Pauly", "BE_DE:Nelles|Nellessen", "BE_DE:Kohnen|Kohl",
        "IT:Messina|Messana", "IT:Leone|Leoni", "IT:Gentile|Gentili", "IT:Martinelli|Martinello",
        "IT:Coppola|Coppolino", "IT:Marchetti|Marchetto", "IT:Parisi|Parise", "IT:Morelli|Morello",
        "IT:Barbieri|Barbiero", "IT:Farina|Farinella", "IT:Rinaldi|Rinaldo", "IT:Grasso|Grassi", "IT:Fiore|Fiori",
        "IT:Lupo|Lupi",
        "ES:Castillo|Castilla", "ES:Castro|Castrillo", "ES:Márquez|Marqués", "ES:Ramos|Ramírez", "ES:Lozano|Lozada",
        "PT:Mendes|Mendonça", "PT:Pinto|Pinho", "PT:Cunha|Cunhal", "PT:Neves|Novais",
        "PL:Kaczmarek|Kaczmarczyk", "PL:Adamczyk|Adamczak", "PL:Dudek|Duda", "PL:Wróbel|Wróblewski",
        "PL:Górski|Górecki", "PL:Sikora|Sikorski", "PL:Baran|Baranowski", "PL:Marciniak|Marcinkowski",
        "PL:Walczak|Walczyk", "PL:Kubiak|Kubica",
        "RO:Florea|Florescu", "RO:Ene|Enache", "RO:Ilie|Iliescu", "RO:Toma|Tomescu", "RO:Marin|Marinescu",
        "RO:Vlad|Vlădescu", "RO:Ursu|Ursache", "RO:Preda|Predescu", "RO:Costache|Costea", "RO:Grigore|Grigorescu",
        "MA:Naciri|Nasri", "MA:Daoudi|Daoud", "MA:Mejri|Mejdi", "MA:Hammami|Hammadi", "MA:Khelifi|Khalfi",
        "MA:Ayari|Ayadi", "MA:Abbassi|Abbes", "MA:Laaroussi|Laroui", "MA:Sabri|Sabiri", "MA:Fikri|Fakir",
        "TR:Akın|Akan", "TR:Bayram|Bayramoğlu", "TR:Bozkurt|Bozdağ", "TR:Çakır|Çakar", "TR:Coşkun|Coşar",
        "TR:Demirci|Demirtaş", "TR:Erdem|Erdemir", "TR:Özer|Özen", "TR:Sarı|Sarıkaya", "TR:Taş|Taşkın",
        "TR:Tunç|Tunçer", "TR:Uysal|Uyar", "TR:Yücel|Yüksel", "TR:Gündüz|Gündoğdu", "TR:Aksoy|Aksu", "TR:Şen|Şener",
        "CD:Kalonji|Kalonga", "CD:Mbala|Mbula", "CD:Ntumba|Tumba", "CD:Kabasele|Kabeya", "CD:Niyitegeka|Niyibizi",
        "CD:Munyaneza|Munyakazi", "CD:Mukamana|Mukamurenzi", "CD:Manirakiza|Manirambona", "CD:Ndayizeye|Ndayisaba",
        "UA:Tymoshenko|Tymoshchuk", "UA:Vasylenko|Vasyliuk", "UA:Sydorenko|Sydoruk", "UA:Karpenko|Karpiuk",
        "UA:Zinchenko|Zinchuk", "UA:Demchenko|Demchuk", "UA:Danylenko|Danyliuk", "UA:Kostenko|Kostiuk",
        "RU:Pavlov|Pavlovsky", "RU:Golubev|Golubkov", "RU:Belov|Belyaev", "RU:Makarov|Makarenko", "RU:Tarasov|Tarasenko",
        "AL:Kurti|Kurtaj", "AL:Mehmeti|Mehmetaj", "AL:Osmani|Osmanaj", "AL:Rama|Ramaj", "AL:Shehu|Shehaj",
        "AL:Syla|Sylaj", "AL:Selimi|Selmani",
        "GR:Athanasiou|Athanasiadis", "GR:Vasileiou|Vasilakis", "GR:Petridis|Petrakis", "GR:Theodorou|Theodoridis",
        "GR:Stavropoulos|Stavrakis", "GR:Spyropoulos|Spyrou", "GR:Giannopoulos|Giannakis",
        "VN:Đào|Đoàn", "VN:Châu|Chu", "VN:Lương|Lưu", "VN:Hà|Hứa",
        "CN:Zheng|Zeng", "CN:Liang|Jiang", "CN:Tang|Tan", "CN:Feng|Peng", "CN:Deng|Teng", "CN:Dong|Tong", "CN:Xie|Xue",
        "IN:Jain|Jha", "IN:Chopra|Chawla", "IN:Malhotra|Mehrotra", "IN:Yadav|Jadhav", "IN:Sethi|Shetty",
    };

    static final String[] CLOSE_FIRST = {
        "BE_FR:Lucien/M|Lucienne/F", "BE_FR:Gilbert/M|Gilberte/F", "BE_FR:Fernand/M|Fernande/F", "BE_FR:Marcel/M|Marcelle/F",
        "BE_FR:Henri/M|Henriette/F", "BE_FR:Albert/M|Albertine/F", "BE_FR:Georges/M|Georgette/F", "BE_FR:Paul/M|Paule/F",
        "BE_FR:Yvon/M|Yvonne/F", "BE_FR:Laurent/M|Laurence/F", "BE_FR:Justin/M|Justine/F", "BE_FR:Gaël/M|Gaëlle/F",
        "BE_NL:Dirk/M|Dries/M", "BE_NL:Arne/M|Arno/M", "BE_NL:Senne/M|Sanne/F", "BE_NL:Hanne/F|Hannes/M",
        "BE_NL:Ine/F|Inge/F",
        "MA:Jalil/M|Jalila/F", "MA:Habib/M|Habiba/F", "MA:Amir/M|Amira/F", "MA:Latif/M|Latifa/F", "MA:Naim/M|Naima/F",
        "TR:Selim/M|Selin/F", "TR:Cemal/M|Cemil/M", "TR:Nihat/M|Nihal/F",
        "IT:Giorgio/M|Giorgia/F", "IT:Alessio/M|Alessia/F", "IT:Stefano/M|Stefania/F", "IT:Fabio/M|Flavio/M",
        "IT:Enrico/M|Enrica/F",
        "ES:Julio/M|Julia/F", "ES:Manuel/M|Manuela/F", "PT:Luís/M|Luísa/F", "PL:Karol/M|Karolina/F",
        "PL:Dominik/M|Dominika/F", "RO:Florin/M|Florina/F", "RO:Sorin/M|Sorina/F", "UA:Valentyn/M|Valentyna/F",
        "GR:Christos/M|Christina/F", "GR:Stavros/M|Stavroula/F", "CD:Prince/M|Princesse/F",
    };

    static void similarStrangers(String kind, int n) {
        while (COUNT.getOrDefault(kind, 0) < n) {
            int k = R.nextInt(100);
            String oc, af, al, bf, bl; boolean am, bm;
            if (k < 50) {                    // same first name, close surname
                String e = pick(CLOSE_LAST);
                oc = e.substring(0, e.indexOf(':'));
                String[] ls = e.substring(e.indexOf(':') + 1).split("\\|");
                am = bm = R.nextBoolean();
                af = bf = firstName(origin(oc), am);
                al = am ? ls[0] : fem(oc, ls[0]); bl = bm ? ls[1] : fem(oc, ls[1]);
            } else if (k < 85) {             // close first name, same surname
                String e = pick(CLOSE_FIRST);
                oc = e.substring(0, e.indexOf(':'));
                String[] p = e.substring(e.indexOf(':') + 1).split("\\|");
                af = p[0].split("/")[0]; am = p[0].endsWith("/M");
                bf = p[1].split("/")[0]; bm = p[1].endsWith("/M");
                String lm = pick(origin(oc).l);
                al = am ? lm : fem(oc, lm); bl = bm ? lm : fem(oc, lm);
            } else {                         // both close
                String e = pick(CLOSE_FIRST);
                oc = e.substring(0, e.indexOf(':'));
                List<String> ls = new ArrayList<>();
                for (String c : CLOSE_LAST) if (c.startsWith(oc + ":")) ls.add(c);
                if (ls.isEmpty()) continue;
                String[] p = e.substring(e.indexOf(':') + 1).split("\\|");
                String[] l2 = pick(ls).substring(oc.length() + 1).split("\\|");
                af = p[0].split("/")[0]; am = p[0].endsWith("/M");
                bf = p[1].split("/")[0]; bm = p[1].endsWith("/M");
                al = am ? l2[0] : fem(oc, l2[0]); bl = bm ? l2[1] : fem(oc, l2[1]);
            }
            LocalDate b1 = randBirth(), b2;
            if (chance(0.1)) b2 = LocalDate.of(b1.getYear(), 1, 1).plusDays(R.nextInt(365));
            else { int gap = between(1, 45) * (R.nextBoolean() ? 1 : -1);
                   b2 = b1.plusYears(gap).plusDays(between(-180, 180)); }
            if (b2.equals(b1) || b2.getYear() > 2007 || b2.getYear() < 1935) continue;
            Rec a = person(oc, af, al, b1), b = person(oc, bf, bl, b2);
            noSharedContacts(a, b, oc);
            if (chance(0.05)) { if (R.nextBoolean()) a.unknownBirth = true; else b.unknownBirth = true; }
            if (R.nextBoolean()) emit(kind, false, a, b); else emit(kind, false, b, a);
        }
    }

    // =====================================================================
    // Main
    // =====================================================================

    interface Gen { NP get(); }

    static void sameKind(String kind, int n, Gen g, CM cm, BM bm, boolean emailCaps) {
        int guard = 0;
        while (COUNT.getOrDefault(kind, 0) < n) {
            addSame(kind, g.get(), cm, bm, emailCaps);
            if (++guard > n * 200) throw new IllegalStateException("cannot fill " + kind);
        }
    }

    public static void main(String[] args) {
        int s = SAME_PER_KIND, d = DIFF_PER_KIND;

        sameKind("accents-case", s, LabelledPairsGenerator2::accentsCase, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        sameKind("email-capitals", s, () -> {
            NP p = plain(pickOrigin(), R.nextBoolean());
            if (chance(0.25)) { String f = fold(p.af()), l = chance(0.5) ? upper(fold(p.al())) : fold(p.al());
                                return p.withB(f, l); }
            return p;
        }, CM.KEEP_ONE, BM.MAYBE_UNKNOWN, true);
        sameKind("typo-surname", s, LabelledPairsGenerator2::typoSurname, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        sameKind("typo-first-name", s, LabelledPairsGenerator2::typoFirst, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        sameKind("names-swapped", s, LabelledPairsGenerator2::swapped, CM.USUAL, BM.SAME, false);
        sameKind("birth-date-typo", s, () -> plain(pickOrigin(), R.nextBoolean()), CM.KEEP_ONE, BM.TYPO, false);
        while (COUNT.getOrDefault("married-name", 0) < s) {
            Married m = married();
            addSame("married-name", m.np, m.maidenVisible ? CM.USUAL : CM.KEEP_ONE, BM.SAME, false);
        }
        sameKind("compound-particles", s, LabelledPairsGenerator2::compound, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        sameKind("nickname", s, LabelledPairsGenerator2::nickname, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        sameKind("transliteration-arabic-first", s, LabelledPairsGenerator2::arabFirst, CM.USUAL, BM.SAME, false);
        sameKind("transliteration-arabic-surname", s, LabelledPairsGenerator2::arabLast, CM.USUAL, BM.SAME, false);
        sameKind("transliteration-turkish", s, LabelledPairsGenerator2::turkishNP, CM.USUAL, BM.SAME, false);
        sameKind("transliteration-slavic", s, LabelledPairsGenerator2::slavic, CM.USUAL, BM.SAME, false);
        sameKind("dutch-ij-y", s, LabelledPairsGenerator2::dutchIjY, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        variantPlusNewContacts("variant-plus-new-contacts", s);
        twoChanges("two-changes", s);

        twinsSimilar("twins-similar-first", d);
        twinsDifferent("twins-different-first", d);
        parentChild("parent-child", d);
        couples("couple-shared-contact", d);
        siblings("siblings-shared-contact", d);
        namesakes("namesakes", d);
        sameBirthday("same-birthday-strangers", d);
        similarStrangers("similar-strangers", d);

        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        sb.append("kind,same_person,a_first,a_last,a_birth,a_emails,a_phones,b_first,b_last,b_birth,b_emails,b_phones\n");
        for (String[] r : ROWS) {
            for (int i = 0; i < r.length; i++) { if (i > 0) sb.append(','); sb.append(csv(r[i])); }
            sb.append('\n');
        }
        out.print(sb);
        out.flush();
    }
}
