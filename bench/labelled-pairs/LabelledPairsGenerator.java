// LabelledPairsGenerator.java
//
// Independent labelled test set for a duplicate-person detector (library patron
// registration, ULiège). Writes a CSV of record pairs to stdout:
//
//   java LabelledPairsGenerator.java > labelled-pairs.csv
//
// Single file, no dependencies, deterministic (fixed seed). Runs on Java 17+.
// All name lists and variant tables are data inside this file.
// See README.md for what every kind means and where the variants come from.

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.*;

public class LabelledPairsGenerator {

    static final long SEED = 20250611L;
    static final Random R = new Random(SEED);

    static final int SAME_PER_KIND = 64;   // 16 kinds -> 1024 rows (60 %)
    static final int DIFF_PER_KIND = 85;   //  8 kinds ->  680 rows (40 %)

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
        // Lists are roughly ordered by frequency: the first entries are used for namesakes.
        o("BE_FR", 22,
          "Jean, Pierre, Michel, Philippe, Luc, Marc, Alain, Christophe, Olivier, Nicolas, Julien, Thomas, Maxime, Antoine, Louis, Hugo, Arnaud, Benoît, François, Frédéric, Grégory, Jérôme, Sébastien, Cédric, Raphaël, Noé, Quentin, Romain, Théo, Gaëtan, Loïc, Jérémy, Guillaume, Arthur, Clément, Mathis, Baptiste, Valentin, Corentin, Jean-Marc, Jean-Pierre, Jean-François, Didier, Thierry, Dominique, Vincent, Pascal, Bernard, André, Jacques",
          "Marie, Anne, Christine, Isabelle, Nathalie, Sophie, Catherine, Véronique, Martine, Françoise, Céline, Julie, Aurélie, Émilie, Camille, Manon, Léa, Chloé, Pauline, Hélène, Geneviève, Mélanie, Noémie, Joëlle, Anaïs, Stéphanie, Valérie, Murielle, Sarah, Laura, Charlotte, Justine, Margaux, Louise, Juliette, Amandine, Marie-Christine, Anne-Catherine, Marie-Hélène, Bénédicte, Séverine, Sandrine, Florence, Nadine, Monique, Josiane",
          "Dubois, Lambert, Dupont, Martin, Simon, Laurent, Renard, Lejeune, Collignon, Leclercq, Lemaire, Dumont, François, Mathieu, Gérard, Hubert, Leroy, Denis, Fontaine, Lecomte, Delvaux, Dethier, Lhoest, Halleux, Wathelet, Pirard, Bastin, Collard, Gillet, Jacquemin, Remacle, Goffin, Piron, Noël, Thiry, Lefèvre, Léonard, Bodart, Closset, Thonon, Defays, Marchal, Delhez, Jamar, Gérardy, Bovy, Crahay, Fraikin, Hennuy, Lhomme, Hansenne, Dossin, Pêcheur, Frère, Gilson, Englebert, Massart, Michaux, Stassen, Degée, Honoré, Légat");
        o("BE_NL", 18,
          "Jan, Pieter, Johan, Koen, Bart, Wim, Tom, Dirk, Geert, Peter, Kris, Stijn, Jeroen, Wouter, Jens, Lars, Arne, Seppe, Wout, Lander, Ruben, Sander, Thijs, Bram, Lieven, Filip, Joris, Maarten, Toon, Jef, Pieter-Jan, Kobe, Robbe, Warre, Senne, Mathias, Gert, Luc, Marc, Patrick, Eddy, Marnix, Hendrik, Frederik, Jozef, Willy, Roger, Luk",
          "Maria, An, Els, Katrien, Liesbeth, Sofie, Lien, Leen, Hilde, Greet, Ilse, Veerle, Nele, Annelies, Eline, Lotte, Fien, Marieke, Joke, Inge, Sarah, Elke, Tine, Griet, Kaat, Lore, Febe, Jolien, Ellen, Evelien, Hanne, Lies, Femke, Jana, Nina, Anke, Goedele, Godelieve, Mieke, Rita, Christel, Ingrid, Martine, Sien",
          "Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Wouters, De Smet, Vandenberghe, Van Dijck, Wijnants, Heijens, Hermans, Aerts, Michiels, Smets, Verstraete, De Clercq, Vermeulen, Van Damme, Pauwels, Desmet, Verhoeven, Lemmens, Cools, Claessens, Hendrickx, Van de Velde, Verbeke, Bosmans, Segers, Coppens, Stevens, Martens, Van Acker, De Backer, Geerts, Van Hoof, Vanhoutte, Devos, De Vos, Verschueren, Vervoort, Wuyts, Dewulf, Baert, Vlaeminck, Van Looy, Ryckaert, Smeyers, Luyten, Huybrechts");
        o("BE_DE", 5,
          "Klaus, Jürgen, Stefan, Andreas, Thomas, Michael, Markus, Dieter, Jens, Lukas, Jonas, Tim, Niklas, Jan, Herbert, Günter, Manfred, Bernd, Ralf, Leon, Paul, Elias, Björn, Jörg, Hubert, Norbert, Gerd, René",
          "Ursula, Monika, Sabine, Petra, Andrea, Claudia, Karin, Birgit, Anja, Jessica, Lea, Lara, Laura, Anna, Julia, Vanessa, Heike, Brigitte, Gisela, Jana, Lena, Marion, Doris, Irmgard, Mareike, Ute",
          "Schmitz, Kessler, Mreyen, Lentz, Kreutz, Heinen, Cremer, Hilgers, Jost, Margraff, Pankert, Lambertz, Schröder, Fickers, Keutgen, Rauw, Thevissen, Küpper, Förster, Weiß, Groß, Strauß, Meißner, Preuß, Müller, Schumacher, Giebels, Heinrichs, Emonts, Scholzen, Backes, Krings, Wiesemes, Görgen, Mießen, Löfgen");
        o("IT", 7,
          "Giuseppe, Antonio, Salvatore, Giovanni, Francesco, Vincenzo, Luigi, Mario, Angelo, Domenico, Marco, Luca, Matteo, Alessandro, Nicola, Carmelo, Rocco, Gaetano, Calogero, Nicolò, Giacomo, Lorenzo",
          "Maria, Giuseppina, Anna, Rosa, Angela, Carmela, Francesca, Giulia, Chiara, Sara, Federica, Concetta, Antonella, Rosaria, Lucia, Graziella, Filomena, Assunta, Raffaella, Letizia",
          "Russo, Esposito, Giordano, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca, Costa, Lombardi, Rizzo, Caruso, Ferrara, Santoro, Di Stefano, Lo Bue, Mancini, Amato, La Rosa, Scuderi, Bellavia, D'Ambrosio, Cannella, Lo Presti, Vitale, Mazzola, Caltagirone, Sciortino");
        o("ES", 3,
          "José, Juan, Antonio, Manuel, Francisco, Javier, Carlos, Miguel, Alejandro, Pablo, Jesús, Sergio, Íñigo, Álvaro, Rubén, Raúl, Andrés",
          "María, Carmen, Ana, Isabel, Laura, Lucía, Marta, Elena, Pilar, Rocío, Dolores, Begoña, Inés, Nuria, Ángela, Sofía, Mónica",
          "García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Martín, Jiménez, Ruiz, Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Navarro, Domínguez, Vázquez, Ibáñez, Peña, Castaño");
        o("PT", 3,
          "João, José, António, Manuel, Francisco, Luís, Paulo, Rui, Tiago, Pedro, Nuno, Gonçalo, Sérgio, Vítor, Joaquim",
          "Maria, Ana, Joana, Sofia, Inês, Beatriz, Conceição, Fátima, Rita, Catarina, Mariana, Filipa, Lurdes, Graça",
          "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Gonçalves, Lopes, Sousa, Fernandes, Carvalho, Ribeiro, Magalhães, Araújo, Gomes, Teixeira, Simões, Fonseca");
        o("PL", 4,
          "Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Michał, Marcin, Łukasz, Jakub, Grzegorz, Wojciech, Mateusz, Kamil, Bartłomiej, Dawid, Szymon, Przemysław, Zbigniew",
          "Anna, Katarzyna, Małgorzata, Agnieszka, Joanna, Magdalena, Ewa, Monika, Aleksandra, Dorota, Beata, Justyna, Żaneta, Natalia, Weronika, Zofia, Jadwiga, Grażyna",
          "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Krawczyk, Piotrowski, Grabowski, Pawłowski, Michalski, Król, Wieczorek, Jabłoński, Nowakowski, Majewski, Olszewski, Stępień");
        o("RO", 4,
          "Andrei, Alexandru, Ion, Mihai, Ștefan, Gheorghe, Constantin, Vasile, Adrian, Florin, Cristian, Ionuț, Răzvan, Bogdan, Marius, Nicolae, Sorin, Cătălin, Dumitru",
          "Maria, Elena, Ioana, Andreea, Ana, Mihaela, Alexandra, Cristina, Gabriela, Roxana, Larisa, Oana, Alina, Daniela, Simona, Georgiana, Irina, Mădălina, Ramona",
          "Popescu, Ionescu, Popa, Radu, Dumitru, Stan, Stoica, Gheorghe, Munteanu, Constantin, Matei, Rusu, Mihăilă, Țurcanu, Mocanu, Neagu, Șerban, Lungu, Dobre, Bălan, Dinu, Cojocaru, Tănase, Moldovan");
        o("MA", 10,
          "Mohamed, Ahmed, Youssef, Rachid, Karim, Abdelkader, Mustapha, Said, Hassan, Hicham, Khalid, Nabil, Omar, Ali, Bilal, Ayoub, Mehdi, Ilyas, Adam, Amine, Hamza, Anas, Zakaria, Soufiane, Yassine, Abdelilah, Driss, Brahim, Redouane, Jamal, Mounir, Tarik, Samir, Aziz",
          "Fatima, Khadija, Aïcha, Naima, Samira, Nadia, Malika, Latifa, Zineb, Salma, Imane, Meryem, Houda, Sara, Yasmina, Soukaina, Hafsa, Nour, Kenza, Leila, Rim, Ikram, Hanane, Loubna, Nawal, Siham, Khaoula, Asmae, Chaïma, Ilham, Najat, Rachida",
          "El Amrani, Benali, Boukhris, Ouazzani, Chaouki, Aït Ouali, El Idrissi, Bouzid, Tahiri, Haddad, Benjelloun, Kharbouch, Chakir, El Khattabi, Belhaj, Bennani, Mansouri, Alaoui, Azzouzi, El Ouardi, Amrani, Saidi, Bakkali, Hamdaoui, Ziani, Mebarki, Ben Ali, Chergui, Toumi, Trabelsi, Jebali, Gharbi, Ben Salah, Aït Lahcen, El Hajji, Akhrif, Ouali, Boumediene, Lahlou, Cherkaoui, Mrabet, Kaddouri, Belkacem, Zaoui, Hamidi, Benaissa");
        o("TR", 6,
          "Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Murat, Emre, Burak, Yusuf, Ömer, Kemal, Serkan, Volkan, Cem, Oğuz, Ercan, Gökhan, Çağlar, Barış, Tolga, Halil, Osman, Erdal, Selçuk, Uğur",
          "Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Merve, Özlem, Gülsüm, Şükran, Esra, Büşra, Derya, Hülya, Sevgi, Tuğba, Gizem, Dilek, Songül, Gülşen, Nurcan, Şeyma, Yasemin, Sibel",
          "Yılmaz, Çelik, Şahin, Öztürk, Doğan, Kaya, Demir, Yıldız, Yıldırım, Aydın, Arslan, Koç, Kurt, Özdemir, Kılıç, Aslan, Çetin, Kara, Polat, Güneş, Erdoğan, Akgül, Bulut, Özkan, Uçar, Tekin, Karakaya, Korkmaz, Şimşek, Ünal, Aktaş, Güler");
        o("CD", 6,
          "Jean-Pierre, Patrick, Didier, Christian, Serge, Joseph, Emmanuel, Fiston, Dieudonné, Aimé, Jean-Claude, Olivier, Eric, Innocent, Fabrice, Prince, Junior, Blaise, Félicien, Théoneste, Jean-Bosco, Claude, Gloire, Trésor, Exaucé, Jean-Paul, Alain, Hervé",
          "Marie-Claire, Chantal, Béatrice, Jeanne, Espérance, Clarisse, Grâce, Solange, Annick, Divine, Aline, Joséphine, Ornella, Merveille, Dorcas, Pascaline, Immaculée, Gisèle, Francine, Nadine, Sandrine, Bénie, Naomie, Consolata, Odette",
          "Mukendi, Kabila, Nsimba, Uwimana, Niyonzima, Habimana, Kabongo, Tshibangu, Ilunga, Mbuyi, Kasongo, Mutombo, Nkulu, Makiadi, Mavungu, Lukusa, Tshimanga, Kalala, Mwamba, Nshimiyimana, Hakizimana, Ndayishimiye, Nkurunziza, Mugisha, Uwase, Ingabire, Bizimana, Ndikumana, Kanyinda, Malonga, Kayembe, Mulumba, Nzuzi, Lutete, Matondo, Mpia, Bakajika, Ngoy");
        o("UA", 4,
          "Oleksandr, Serhiy, Dmytro, Volodymyr, Yevhen, Andriy, Mykola, Ihor, Vasyl, Taras, Bohdan, Yuriy, Maksym, Artem, Vitaliy, Roman, Denys, Oleh, Vladyslav",
          "Olena, Yulia, Natalia, Iryna, Tetiana, Oksana, Svitlana, Kateryna, Anastasiia, Viktoriia, Halyna, Liudmyla, Mariia, Daria, Sofiia, Khrystyna, Yana, Alina, Olha",
          "Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Boyko, Melnyk, Koval, Oliynyk, Pavlenko, Savchenko, Rudenko, Moroz, Lysenko, Marchenko, Kovalchuk, Polishchuk, Ivanov, Petrov, Hrytsenko, Yaremchuk, Tkachuk, Levchenko, Klymenko, Kuzmenko, Romanenko, Bilyk, Ponomarenko");
        o("RU", 1.2,
          "Sergei, Dmitri, Alexei, Ivan, Nikolai, Mikhail, Vladimir, Pavel, Andrei, Igor, Yuri, Artyom",
          "Elena, Natalya, Olga, Tatiana, Ekaterina, Anna, Irina, Svetlana, Marina, Ksenia, Anastasia",
          "Ivanov, Petrov, Smirnov, Kuznetsov, Popov, Sokolov, Zhukov, Volkov, Morozov, Lebedev, Novikov, Fedorov, Kozlov, Orlov");
        o("AL", 2,
          "Arben, Besnik, Driton, Fatos, Gentian, Ilir, Valon, Agron, Blerim, Florian, Artan, Endrit, Erion, Kujtim, Shkëlzen, Armend, Leotrim, Dritan, Bekim",
          "Albana, Arta, Blerta, Drita, Elira, Fjolla, Flutura, Jehona, Lirije, Mimoza, Teuta, Vjosa, Donika, Shqipe, Ardita, Valbona, Besarta, Qëndresa",
          "Berisha, Krasniqi, Gashi, Hoxha, Shala, Morina, Kelmendi, Bytyqi, Hyseni, Rexhepi, Ahmeti, Islami, Sadiku, Thaçi, Kryeziu, Çela, Dervishi, Lleshi, Zeneli, Halili");
        o("SY", 3,
          "Ahmad, Omar, Khaled, Mahmoud, Hassan, Hussein, Ali, Abdullah, Yasser, Firas, Rami, Bassel, Samer, Ammar, Haidar, Farid, Habibullah, Naweed, Wahid, Jawad, Rahmatullah, Zabihullah, Sayed, Mohammad",
          "Fatima, Rania, Hala, Lina, Reem, Nour, Yasmin, Zainab, Maryam, Dima, Rasha, Huda, Farida, Shabnam, Zahra, Mursal, Marwa, Roya, Parwana, Sahar",
          "Al-Ahmad, Al Hussein, Haddad, Khalil, Ibrahim, Hamoud, Al-Jabouri, Al-Obaidi, Al-Tamimi, Kurdi, Darwish, Nasser, Saleh, Mahmoud, Sultani, Ahmadi, Hosseini, Rahimi, Karimi, Mohammadi, Popal, Noori, Safi, Stanikzai, Wardak, Amiri, Haidari, Nazari, Azizi, Yousufzai, Shinwari");
        o("VN", 1.5,
          "Anh, Minh, Tuấn, Hùng, Dũng, Long, Nam, Quang, Thành, Hoàng, Đức, Khoa, Bảo, Huy, Phúc",
          "Lan, Hương, Linh, Mai, Ngọc, Thảo, Trang, Hạnh, Hà, Thu, Phương, Thúy, Vy, Nhung, Yến",
          "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý");
        o("CN", 1.5,
          "Wei, Jun, Hao, Lei, Jian, Ming, Yong, Tao, Qiang, Bo, Zhiwei, Xiaoming, Haoran, Yuxuan, Zihan",
          "Fang, Jing, Min, Yan, Ying, Xiaoyan, Xin, Hui, Mei, Lili, Yue, Ting, Xiaoling, Jia, Yuting",
          "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, Lin, He, Gao, Luo");
        o("IN", 1.5,
          "Rahul, Amit, Rajesh, Sanjay, Vikram, Arjun, Rohan, Suresh, Anil, Karthik, Pradeep, Harpreet, Gurpreet, Aditya, Nikhil, Siddharth, Venkatesh",
          "Priya, Anjali, Deepa, Pooja, Neha, Sunita, Kavita, Lakshmi, Divya, Shreya, Aishwarya, Meera, Ritu, Sneha, Priyanka",
          "Sharma, Patel, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Rao, Mehta, Shah, Joshi, Desai, Verma, Chatterjee, Banerjee, Krishnan, Menon, Pillai");
        o("GR", 1.5,
          "Georgios, Dimitrios, Konstantinos, Ioannis, Nikolaos, Panagiotis, Christos, Vasileios, Athanasios, Evangelos, Spyridon, Michail, Andreas",
          "Maria, Eleni, Aikaterini, Vasiliki, Sofia, Georgia, Dimitra, Angeliki, Konstantina, Paraskevi, Despina, Eirini, Chrysoula",
          "Papadopoulos, Papadakis, Georgiou, Oikonomou, Nikolaidis, Karagiannis, Vlachos, Papageorgiou, Dimitriou, Konstantinidis, Christodoulou, Pappas, Antoniou, Makris, Ioannou, Alexiou");
        // Scandinavian EU staff (Brussels): only used for the ø / å cases of accents-case.
        o("NO", 0,
          "Søren, Bjørn, Jørgen, Ole, Rasmus, Mikkel, Anders",
          "Mette, Kirsten, Solveig, Ingrid, Sørine, Bodil, Åse",
          "Jørgensen, Sørensen, Møller, Kjær, Bjørnstad, Løkke, Nørgaard, Østergaard");
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
        "BE_NL:Van den Bossche|Vandenbossche|Van Den Bossche|Van den bossche|VandenBossche",
        "BE_NL:Vandenberghe|Van den Berghe|Van Den Berghe|Vanden Berghe",
        "BE_NL:De Smet|Desmet|De smet|DeSmet",
        "BE_NL:De Clercq|Declercq|De clercq",
        "BE_NL:Van Damme|Vandamme|Van damme",
        "BE_NL:Van Acker|Vanacker|Van acker",
        "BE_NL:De Backer|Debacker|De backer",
        "BE_NL:Van de Velde|Vandevelde|Van De Velde|Van de velde",
        "BE_NL:Van der Meulen|Vandermeulen|Van Der Meulen",
        "BE_NL:Van Hecke|Vanhecke|Van hecke",
        "BE_NL:De Wilde|Dewilde|De wilde",
        "BE_NL:Van Hoof|Vanhoof|Van hoof",
        "BE_NL:Vanden Eynde|Van den Eynde|Vandeneynde|Van Den Eynde",
        "BE_NL:De Vos|Devos|De vos",
        "BE_NL:De Meyer|Demeyer|De meyer",
        "BE_NL:D'Hondt|Dhondt|D'hondt|D Hondt",
        "BE_NL:De Groote|Degroote|De groote",
        "BE_NL:Van Campenhout|Vancampenhout|Van campenhout",
        "BE_NL:Van Dijck|Vandijck|Van dijck",
        "BE_NL:Van Laethem|Vanlaethem|Van laethem",
        "BE_NL:De Coninck|Deconinck|De coninck",
        "BE_FR:Le Jeune|Lejeune",
        "BE_FR:Le Clercq|Leclercq",
        "BE_FR:de Lhoneux|De Lhoneux|Delhoneux",
        "BE_FR:Du Bois|Dubois",
        "BE_FR:de Villers|De Villers|Devillers",
        "BE_FR:de la Croix|De La Croix|Delacroix",
        "BE_FR:Le Comte|Lecomte",
        "BE_FR:d'Oultremont|D'Oultremont|Doultremont",
        "BE_FR:Du Pont|Dupont",
        "BE_FR:Le Maire|Lemaire",
        "BE_FR:de Hemptinne|De Hemptinne|Dehemptinne",
        "IT:Di Stefano|Distefano|Di stefano|Di-Stefano",
        "IT:D'Ambrosio|Dambrosio|D Ambrosio|D'ambrosio",
        "IT:De Luca|Deluca|De luca",
        "IT:Lo Bue|Lobue|Lo bue",
        "IT:La Rosa|Larosa|La rosa",
        "IT:Dell'Aquila|Dellaquila|Dell Aquila|Dell'aquila",
        "IT:Di Pietro|Dipietro|Di pietro",
        "IT:D'Agostino|Dagostino|D Agostino",
        "IT:Lo Presti|Lopresti|Lo presti",
        "MA:El Amrani|Elamrani|El-Amrani|El amrani",
        "MA:Ben Ali|Benali|Ben-Ali",
        "MA:Aït Ouali|Ait-Ouali|Ait Ouali|Aitouali|Aït-Ouali",
        "MA:El Idrissi|Elidrissi|El-Idrissi",
        "MA:Ben Salah|Bensalah|Ben-Salah",
        "MA:El Ouardi|Elouardi|El-Ouardi",
        "MA:Aït Lahcen|Ait Lahcen|Aitlahcen|Aït-Lahcen",
        "MA:Ben Moussa|Benmoussa|Ben-Moussa",
        "MA:El Haddad|Elhaddad|El-Haddad",
        "MA:Abou Zeid|Abouzeid|Abou-Zeid",
        "MA:El Mansouri|Elmansouri|El-Mansouri",
        "MA:Ben Abdallah|Benabdallah|Ben-Abdallah",
        "MA:El Hajji|Elhajji|El-Hajji",
        "MA:Aït Ben Ali|Ait Benali|Aitbenali",
        "SY:Al-Ahmad|Al Ahmad|Alahmad|Al-ahmad",
        "SY:Al Hussein|Al-Hussein|Alhussein",
        "SY:Abu Khalil|Abu-Khalil|Abukhalil",
        "SY:Al-Jabouri|Al Jabouri|Aljabouri",
        "SY:Al-Obaidi|Al Obaidi|Alobaidi",
        "PT:da Silva|Da Silva|Silva",
        "PT:dos Santos|Dos Santos|Santos",
        "PT:de Oliveira|De Oliveira|Oliveira",
        "PT:da Costa|Da Costa|Costa",
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
        "BE_FR:M:Robert|Bob", "BE_FR:M:Frédéric|Fred", "BE_FR:M:Emmanuel|Manu", "BE_FR:M:Nicolas|Nico",
        "BE_FR:M:Alexandre|Alex", "BE_FR:M:Maxime|Max", "BE_FR:M:Samuel|Sam", "BE_FR:M:Thomas|Tom",
        "BE_FR:M:Christophe|Chris", "BE_FR:M:Philippe|Phil", "BE_FR:M:Jacques|Jacky", "BE_FR:M:Benjamin|Ben",
        "BE_FR:M:Raphaël|Raph", "BE_FR:M:Daniel|Dany", "BE_FR:M:Grégory|Greg", "BE_FR:M:Sébastien|Seb",
        "BE_FR:M:Anthony|Tony", "BE_FR:M:Geoffrey|Geoff", "BE_FR:M:Florian|Flo", "BE_FR:M:Maximilien|Max",
        "BE_FR:F:Stéphanie|Steph", "BE_FR:F:Nathalie|Nath", "BE_FR:F:Véronique|Véro", "BE_FR:F:Isabelle|Isa",
        "BE_FR:F:Catherine|Cathy", "BE_FR:F:Élisabeth|Betty", "BE_FR:F:Élisabeth|Babette", "BE_FR:F:Florence|Flo",
        "BE_FR:F:Caroline|Caro", "BE_FR:F:Marie-Thérèse|Maïté", "BE_FR:F:Jacqueline|Jacky", "BE_FR:F:Dominique|Domi",
        "BE_FR:F:Alexandra|Alex", "BE_FR:F:Valérie|Val", "BE_FR:F:Charlotte|Charlie", "BE_FR:F:Emmanuelle|Manue",
        "BE_FR:F:Gabrielle|Gaby", "BE_FR:F:Anne-Catherine|Anne-Cath", "BE_FR:F:Mélanie|Mel", "BE_FR:F:Patricia|Patty",
        // Flemish
        "BE_NL:M:Jozef|Jef", "BE_NL:M:Jozef|Jos", "BE_NL:M:Jozef|Sjef", "BE_NL:M:Johan|Jo", "BE_NL:M:Johannes|Hans",
        "BE_NL:M:Johannes|Jan", "BE_NL:M:Antoon|Toon", "BE_NL:M:Willem|Wim", "BE_NL:M:Paul|Pol", "BE_NL:M:Albert|Bert",
        "BE_NL:M:Kristof|Kris", "BE_NL:M:Christiaan|Chris", "BE_NL:M:Thomas|Tom", "BE_NL:M:Pieter|Piet",
        "BE_NL:M:Gustaaf|Staf", "BE_NL:M:August|Gust", "BE_NL:M:Alfons|Fons", "BE_NL:M:Hendrik|Rik",
        "BE_NL:M:Emiel|Miel", "BE_NL:M:Ferdinand|Nand", "BE_NL:M:Frans|Sus", "BE_NL:M:Lodewijk|Lode",
        "BE_NL:M:Leopold|Pol", "BE_NL:M:Bartholomeus|Bart", "BE_NL:M:Nicolaas|Klaas", "BE_NL:M:Theodoor|Theo",
        "BE_NL:M:Robrecht|Rob", "BE_NL:M:Matthijs|Thijs", "BE_NL:M:Alexander|Alex", "BE_NL:M:Maximiliaan|Max",
        "BE_NL:M:Samuel|Sam", "BE_NL:M:Benedict|Ben",
        "BE_NL:F:Martine|Tine", "BE_NL:F:Catherine|Katrien", "BE_NL:F:Katrijn|Katrien", "BE_NL:F:Maria|Mieke",
        "BE_NL:F:Maria|Mia", "BE_NL:F:Elisabeth|Lies", "BE_NL:F:Liesbeth|Lies", "BE_NL:F:Elisabeth|Liesbeth",
        "BE_NL:F:Elisabeth|Els", "BE_NL:F:Magdalena|Leen", "BE_NL:F:Margaretha|Greet", "BE_NL:F:Margriet|Griet",
        "BE_NL:F:Godelieve|Lieve", "BE_NL:F:Johanna|Jo", "BE_NL:F:Anna-Maria|Annemie", "BE_NL:F:Josefien|Fien",
        "BE_NL:F:Catharina|Trien", "BE_NL:F:Carolien|Lien", "BE_NL:F:Katelijne|Kaat", "BE_NL:F:Wilhelmina|Mien",
        "BE_NL:F:Alexandra|Lexa",
        // East Belgium / German
        "BE_DE:M:Johannes|Hans", "BE_DE:M:Maximilian|Max", "BE_DE:M:Alexander|Alex", "BE_DE:M:Andreas|Andi",
        "BE_DE:M:Wilhelm|Willi", "BE_DE:M:Heinrich|Heinz", "BE_DE:M:Friedrich|Fritz", "BE_DE:M:Bernhard|Bernd",
        "BE_DE:F:Gabriele|Gabi", "BE_DE:F:Stefanie|Steffi", "BE_DE:F:Susanne|Susi", "BE_DE:F:Christina|Tina",
        "BE_DE:F:Katharina|Kathi", "BE_DE:F:Margarete|Grete", "BE_DE:F:Ursula|Uschi", "BE_DE:F:Barbara|Bärbel",
        // Italian
        "IT:M:Giuseppe|Pino", "IT:M:Giuseppe|Peppe", "IT:M:Salvatore|Totò", "IT:M:Vincenzo|Enzo", "IT:M:Giovanni|Gianni",
        "IT:M:Domenico|Mimmo", "IT:M:Alessandro|Sandro", "IT:M:Antonio|Tonino", "IT:M:Francesco|Ciccio",
        "IT:M:Gaetano|Tano", "IT:M:Calogero|Lillo", "IT:M:Massimiliano|Max",
        "IT:F:Giuseppina|Pina", "IT:F:Concetta|Tina", "IT:F:Elisabetta|Betta",
        // Spanish / Portuguese
        "ES:M:José|Pepe", "ES:M:Francisco|Paco", "ES:M:Manuel|Manolo", "ES:M:Ignacio|Nacho", "ES:M:Enrique|Quique",
        "ES:M:Guillermo|Guille", "ES:M:Fernando|Nando",
        "ES:F:Dolores|Lola", "ES:F:Concepción|Conchi", "ES:F:Rosario|Charo", "ES:F:Guadalupe|Lupe",
        "ES:F:Mercedes|Merche", "ES:F:Pilar|Pili", "ES:F:Montserrat|Montse", "ES:F:Encarnación|Encarna",
        "PT:M:José|Zé", "PT:M:Francisco|Chico", "PT:M:António|Tó",
        // Polish
        "PL:M:Wojciech|Wojtek", "PL:M:Tomasz|Tomek", "PL:M:Bartłomiej|Bartek", "PL:M:Jakub|Kuba",
        "PL:M:Grzegorz|Grzesiek", "PL:M:Krzysztof|Krzysiek", "PL:M:Aleksander|Olek", "PL:M:Stanisław|Staszek",
        "PL:F:Małgorzata|Gosia", "PL:F:Katarzyna|Kasia", "PL:F:Aleksandra|Ola", "PL:F:Magdalena|Magda",
        "PL:F:Joanna|Asia", "PL:F:Agnieszka|Aga", "PL:F:Barbara|Basia", "PL:F:Elżbieta|Ela", "PL:F:Zofia|Zosia",
        // Romanian
        "RO:M:Alexandru|Alex", "RO:M:Cristian|Cristi", "RO:M:Gheorghe|Gică", "RO:M:Constantin|Costel",
        "RO:M:Dumitru|Mitică", "RO:M:Ion|Ionel", "RO:F:Gabriela|Gabi",
        // Ukrainian / Russian
        "UA:M:Oleksandr|Sasha", "UA:M:Volodymyr|Volodia", "UA:M:Dmytro|Dima", "UA:M:Mykhailo|Misha",
        "UA:M:Yevhen|Zhenia", "UA:F:Nataliia|Natasha", "UA:F:Kateryna|Katia", "UA:F:Anastasiia|Nastia",
        "UA:F:Dariia|Dasha", "UA:F:Mariia|Masha",
        "RU:M:Aleksandr|Sasha", "RU:M:Vladimir|Volodya", "RU:M:Dmitri|Dima", "RU:M:Mikhail|Misha",
        "RU:F:Natalya|Natasha", "RU:F:Tatiana|Tanya", "RU:F:Ekaterina|Katya", "RU:F:Svetlana|Sveta",
        "RU:F:Lyudmila|Lyuda", "RU:F:Elena|Lena",
        // Maghreb
        "MA:M:Abdelkader|Kader", "MA:M:Abdelaziz|Aziz", "MA:M:Abdelhakim|Hakim", "MA:M:Abdelmajid|Majid",
        "MA:M:Abderrahim|Rahim", "MA:M:Mohamed|Simo", "MA:M:Mohamed-Amine|Amine", "MA:M:Abdelkrim|Krimo",
        "MA:M:Abdellatif|Latif", "MA:M:Noureddine|Nordine", "MA:M:Abdelhamid|Hamid",
        "MA:F:Fatima-Zahra|Zahra", "MA:F:Nour-el-Houda|Houda", "MA:F:Fatima-Ezzahra|Fatima",
        // Greek
        "GR:M:Konstantinos|Kostas", "GR:M:Georgios|Giorgos", "GR:M:Ioannis|Giannis", "GR:M:Panagiotis|Panos",
        "GR:M:Athanasios|Thanasis", "GR:M:Evangelos|Vangelis", "GR:M:Nikolaos|Nikos", "GR:M:Vasileios|Vasilis",
        "GR:M:Spyridon|Spyros", "GR:M:Michail|Michalis", "GR:F:Aikaterini|Katerina", "GR:F:Vasiliki|Vicky",
        "GR:F:Konstantina|Dina",
        // Indian
        "IN:M:Siddharth|Sid", "IN:M:Venkatesh|Venky", "IN:M:Rajesh|Raj", "IN:F:Priyanka|Priya",
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
        "M:Mohamed|Mohammed|Muhammad|Mohammad|Mouhamed|Mohamad|Muhammed",
        "M:Youssef|Yousef|Youssouf|Yusuf|Youcef|Yousif",
        "M:Abdelkader|Abdel Kader|Abdulkadir|Abdel-Kader|Abdelkadir|Abdulqadir",
        "M:Said|Saïd|Saeed",
        "M:Rachid|Rashid|Rached|Rasheed",
        "M:Hussein|Houssein|Hussain|Hossein|Houcine|Husein",
        "M:Karim|Kareem",
        "M:Mustapha|Mostafa|Moustafa|Mustafa|Moustapha|Mostapha",
        "M:Ahmed|Ahmad",
        "M:Abderrahmane|Abdelrahman|Abdul Rahman|Abderahmane|Abdurrahman|Abdel Rahman",
        "M:Hassan|Hasan|Hacen",
        "M:Hicham|Hisham|Hichem",
        "M:Jamal|Djamel|Jamel|Djamal",
        "M:Khalid|Khaled",
        "M:Oussama|Ousama|Usama|Osama",
        "M:Ibrahim|Brahim|Ebrahim|Ibraheem",
        "M:Soufiane|Sofiane|Sufyan|Soufyane|Sofian",
        "M:Yassine|Yacine|Yasin|Yassin",
        "M:Zakaria|Zakariya|Zakariae|Zakarya|Zakariyya",
        "M:Mounir|Munir|Monir",
        "M:Abdellah|Abdallah|Abdullah|Abdelah",
        "M:Driss|Idriss|Idris",
        "M:Ayoub|Ayyub|Ayub",
        "M:Bilal|Bilel",
        "M:Hamza|Hamzah",
        "M:Othmane|Otmane|Uthman|Othman",
        "M:Noureddine|Nourdine|Nour-Eddine|Nourredine|Nureddin",
        "M:Abdelaziz|Abdul Aziz|Abdulaziz|Abdel Aziz",
        "M:Mehdi|Mahdi",
        "M:Ismail|Ismaïl|Smaïl|Esmail",
        "M:Redouane|Radouane|Ridwan|Redwan",
        "M:Tarik|Tariq|Tarek",
        "F:Fatima|Fatma|Fatimah|Fadma|Fatema",
        "F:Khadija|Khadidja|Kadija|Khedidja|Khadijah",
        "F:Aïcha|Aisha|Aicha|Aïsha|Ayesha",
        "F:Nour|Noor|Nur",
        "F:Leila|Leïla|Layla|Laila|Leyla",
        "F:Samira|Sameera|Samirah",
        "F:Naïma|Naima|Naeema",
        "F:Meryem|Meriem|Maryam|Mariam|Meryam",
        "F:Zineb|Zainab|Zeinab|Zaynab|Zaineb",
        "F:Houda|Huda|Hoda",
        "F:Imane|Iman|Imen",
        "F:Soukaina|Soukayna|Sukaina|Soukaïna",
        "F:Hafsa|Hafssa",
        "F:Yasmine|Yasmin|Yassmine|Yesmine",
        "F:Rachida|Rashida",
        "F:Latifa|Lateefa|Latefa",
        "F:Wafae|Wafaa|Wafa",
        "F:Amina|Aminah|Ameena",
        "F:Salma|Selma",
        "F:Khaoula|Khawla|Khaula|Kaoula",
        "F:Asmae|Asmaa|Asma",
        "F:Ikram|Ikrame",
        "F:Chaïma|Chaima|Shaima|Chaimae|Chaymae",
        "F:Ilham|Ilhame|Elham",
        "F:Hanane|Hanan",
        "F:Malika|Malikah",
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
        "MA:Chakir|Shakir|Chaker", "MA:El Khattabi|Elkhattabi|El Khatabi|Elkhatabi",
        "MA:Ouazzani|Wazzani|Ouazani|Ouezzani", "MA:Chaouki|Shawqi|Chawki|Chawqi|Chaouqui",
        "MA:Boukhris|Boukhriss", "SY:Haddad|Hadad|Haddade", "MA:Benjelloun|Ben Jelloun|Benjeloun",
        "MA:Kharbouch|Kharbouche|Kherbouch", "MA:Tahiri|Tahiry", "MA:Belkacem|Belkassem|Belqasem|Belgacem",
        "MA:Bakkali|Bekkali|Bakali", "MA:Chaabi|Chaâbi|Shaabi", "MA:El Youssfi|Elyoussfi|El Yousfi",
        "MA:Kaddouri|Kadouri|Qaddouri|Kaddoury", "MA:Azzouzi|Azouzi|Azzouzy",
        "MA:Cherkaoui|Charkaoui|Sharqawi|Cherkawi", "MA:Belghiti|Belrhiti|Belguiti",
        "MA:Abdellaoui|Abdelaoui|Abdallaoui", "MA:Mansouri|Mansoury|Manssouri", "MA:Saidi|Saïdi|Saaidi",
        "MA:Benmoussa|Ben Moussa|Benmousa", "MA:Rhazi|Ghazi", "MA:Zaoui|Zawi", "MA:Lahlou|Lahlu",
        "MA:El Ouahabi|Elouahabi|El Wahabi", "MA:Hamdaoui|Hamdawi", "MA:Benhaddou|Ben Haddou|Benhadou",
        "MA:Mrabet|M'Rabet|Mrabit", "MA:El Hajji|El Hadji|Elhajji", "MA:Bouzid|Bouzide",
        "MA:Chergui|Cherqui|Sharqi", "MA:Achahbar|Achahbare", "MA:Boulaich|Boulaïch|Boulaish",
        "SY:Khoury|Khouri|Khury", "SY:Darwish|Darwich|Derouiche|Darweesh", "SY:Nasser|Nacer|Naser",
        "SY:Hamoud|Hammoud|Hamood", "SY:Mahmoud|Mahmood|Mahmud", "SY:Qassem|Kassem|Kacem",
        "SY:Al-Hashimi|El Hachimi|Al Hashemi", "SY:Al-Masri|El Masri|Elmasri", "SY:Jaber|Djaber|Jabir",
        "SY:Saleh|Salih", "SY:Shalabi|Chalabi|Chalaby", "SY:Al-Khatib|El Khatib|Alkhatib",
        "AF:Mohammadi|Mohamadi|Muhammadi", "AF:Hosseini|Husseini|Hossaini|Hosaini", "AF:Rahimi|Rahimy|Raheemi",
        "AF:Ahmadi|Ahmady", "AF:Yousufzai|Yousafzai|Yusufzai|Yousefzai", "AF:Karimi|Kareemi|Karimy",
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
        "M:Oleksandr|Olexandr|Oleksander|Alexandr|Aleksandr",
        "F:Yulia|Ioulia|Julia|Yuliya|Yuliia|Julija",
        "M:Serhiy|Sergiy|Serhii|Serguei|Sergei|Sergey|Sergej",
        "M:Dmytro|Dmitri|Dmitry|Dmitrij|Dmitriy",
        "F:Natalia|Nataliya|Natalya|Nataliia|Natalija",
        "F:Olena|Elena|Yelena|Jelena",
        "M:Volodymyr|Wolodymyr|Vladimir|Wladimir|Volodimir",
        "M:Yevhen|Ievgen|Evgeni|Evgeny|Jewgeni|Yevgeniy|Ievgueni",
        "M:Andriy|Andrii|Andrij|Andrei|Andrey|Andreï",
        "M:Mykola|Mikola|Nikolai|Nikolay|Nicolaï",
        "M:Ihor|Igor",
        "M:Vasyl|Vasiliy|Wassili|Vassili|Vasily|Wasyl",
        "F:Tetiana|Tetyana|Tatiana|Tatyana|Tatjana",
        "F:Iryna|Irina",
        "F:Oksana|Oxana",
        "F:Svitlana|Svetlana|Swetlana",
        "F:Kateryna|Katerina|Ekaterina|Yekaterina|Jekaterina",
        "M:Yuriy|Yurii|Iouri|Juri|Yury|Jurij",
        "M:Maksym|Maxim|Maksim|Maxym",
        "F:Anastasiia|Anastasia|Anastasiya|Anastassia",
        "F:Viktoriia|Viktoriya|Viktoria|Victoria",
        "F:Halyna|Galina|Halina|Galyna",
        "F:Liudmyla|Lyudmila|Ludmila|Ljudmila|Lioudmila",
        "F:Mariia|Mariya|Maria",
        "M:Oleksiy|Oleksii|Alexei|Aleksei|Alexey",
        "M:Mykhailo|Mikhail|Michail|Mikhaïl|Mychajlo",
        "M:Pavlo|Pavel",
        "M:Yaroslav|Iaroslav|Jaroslaw|Jaroslav",
        "F:Olha|Olga",
        "F:Daria|Dariia|Darya|Darja",
        "M:Artem|Artiom|Artyom|Artjom",
        "M:Bohdan|Bogdan",
        "M:Vitaliy|Vitalii|Vitali|Witali",
        "F:Yevheniia|Evgenia|Ievgeniia|Jewgenija",
        "F:Khrystyna|Khristina|Kristina",
    };

    static final String[] SLAV_LAST = {
        "Shevchenko|Chevtchenko|Schewtschenko|Szewczenko|Shevtchenko",
        "Tkachenko|Tkatchenko|Tkatschenko|Tkaczenko",
        "Kovalenko|Kowalenko",
        "Kravchenko|Kravtchenko|Krawtschenko|Krawczenko",
        "Savchenko|Savtchenko|Sawtschenko|Sawczenko",
        "Pavlenko|Pawlenko",
        "Zhukov|Joukov|Schukow|Zhukow",
        "Kovalchuk|Kovaltchouk|Kowaltschuk|Kowalczuk",
        "Polishchuk|Polichtchouk|Polischtschuk|Poliszczuk",
        "Melnyk|Melnik",
        "Oliynyk|Oliinyk|Olijnyk|Oleinik|Olejnik",
        "Lysenko|Lyssenko|Lissenko",
        "Kuznetsov|Kouznetsov|Kusnezow|Kuzniecow",
        "Smirnov|Smirnow",
        "Ivanov|Ivanow|Iwanow",
        "Sokolov|Sokolow",
        "Volkov|Volkow|Wolkow",
        "Fedorov|Fiodorov|Fjodorow|Fyodorov|Fedorow",
        "Lebedev|Lebedew|Lebediev",
        "Morozov|Morozow|Morosow",
        "Novikov|Nowikow|Novikow",
        "Zaitsev|Zaïtsev|Saizew|Zajcew|Zaytsev",
        "Tereshchenko|Terechtchenko|Tereschtschenko|Tereszczenko",
        "Yakovenko|Iakovenko|Jakowenko",
        "Kharchenko|Khartchenko|Chartschenko|Charczenko",
        "Yurchenko|Iourtchenko|Jurtschenko|Jurczenko",
        "Hrytsenko|Grytsenko|Gritsenko",
        "Honcharenko|Gontcharenko|Hontscharenko|Goncharenko",
        "Hnatyuk|Gnatiuk|Hnatjuk|Hnatiuk",
        "Yaremchuk|Iaremtchouk|Jaremtschuk|Yaremtchuk",
        "Boyko|Boiko|Bojko",
        "Kovalyov|Kovalev|Kovaliov|Kowaljow",
        "Zhuravlyov|Zhuravlev|Jouravlev|Shurawljow",
        "Shapovalov|Chapovalov|Schapowalow",
        "Shcherbak|Chtcherbak|Schtscherbak|Szczerbak",
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
        "Van Dijck", "Van Dijk", "Wijnants", "Heijens", "Rijckaert", "De Bruijn", "Smeijers", "Peijnenburg",
        "IJzerman", "De Wijngaert", "Van Rijswijck", "Meijers", "Huijbrechts", "Heijlen", "Wijns", "Reijnders",
        "Bruijnseels", "Geijs", "Luijten", "Suijkerbuijk", "Thijs", "Van Eijck", "Vrijens", "Wijckmans",
        "Rijmenants", "Deprijck", "Van Hijfte", "Bijnens", "Wijffels", "Van der Mijnsbrugge", "Gijsels",
        "Vermeijen", "Van Rijn", "Mijlemans", "Heijnen", "Wijckaert", "Reijniers", "Van Bijlen", "Tijsmans",
        "Vandijck", "Mreijen",
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
        if (a.equals("Mreijen")) fo = origin("BE_DE");
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
        "BE_FR:Louis/M|Louise/F", "BE_FR:Léo/M|Léa/F", "BE_FR:Théo/M|Théa/F", "BE_FR:Julien/M|Julie/F",
        "BE_FR:Simon/M|Simone/F", "BE_FR:Noé/M|Noa/F", "BE_FR:Maxime/M|Maxence/M", "BE_FR:Eline/F|Elise/F",
        "BE_FR:Lucas/M|Lucie/F", "BE_FR:Marius/M|Maria/F", "BE_FR:Gabriel/M|Gabrielle/F", "BE_FR:Daniel/M|Danielle/F",
        "BE_FR:Mathis/M|Mathilde/F", "BE_FR:Clément/M|Clémence/F", "BE_FR:Alexis/M|Alexia/F", "BE_FR:Lina/F|Léna/F",
        "BE_FR:Florian/M|Florine/F", "BE_FR:Romain/M|Romane/F", "BE_FR:Milan/M|Mila/F", "BE_FR:Nino/M|Nina/F",
        "BE_FR:Francis/M|Francine/F", "BE_FR:Martin/M|Martine/F", "BE_FR:Adrien/M|Adrienne/F", "BE_FR:Jules/M|Julie/F",
        "BE_NL:Jan/M|Jana/F", "BE_NL:Lars/M|Lara/F", "BE_NL:Lena/F|Lina/F", "BE_NL:Stijn/M|Stien/F",
        "BE_NL:Lien/F|Sien/F", "BE_NL:Finn/M|Fien/F", "BE_NL:Daan/M|Dana/F", "BE_NL:Milan/M|Mila/F",
        "BE_NL:Jens/M|Jente/F", "BE_NL:Emiel/M|Emilie/F", "BE_NL:Robin/M|Robine/F",
        "BE_DE:Paul/M|Paula/F", "BE_DE:Leon/M|Leonie/F", "BE_DE:Jan/M|Jana/F", "BE_DE:Tim/M|Tom/M",
        "BE_DE:Lena/F|Lea/F", "BE_DE:Lara/F|Laura/F",
        "IT:Francesco/M|Francesca/F", "IT:Antonio/M|Antonia/F", "IT:Mario/M|Maria/F", "IT:Giulio/M|Giulia/F",
        "IT:Luca/M|Lucia/F", "IT:Paolo/M|Paola/F", "IT:Simone/M|Simona/F", "IT:Carlo/M|Carla/F",
        "ES:Daniel/M|Daniela/F", "ES:Alejandro/M|Alejandra/F", "ES:Gabriel/M|Gabriela/F", "ES:Fernando/M|Fernanda/F",
        "PT:João/M|Joana/F", "PT:Rafael/M|Rafaela/F", "PT:Francisco/M|Francisca/F",
        "PL:Wiktor/M|Wiktoria/F", "PL:Adrian/M|Adrianna/F", "PL:Michał/M|Michalina/F", "PL:Paweł/M|Paulina/F",
        "PL:Oliwer/M|Oliwia/F",
        "RO:Andrei/M|Andreea/F", "RO:Alexandru/M|Alexandra/F", "RO:Gabriel/M|Gabriela/F", "RO:Cristian/M|Cristina/F",
        "RO:Mihai/M|Mihaela/F", "RO:Daniel/M|Daniela/F",
        "MA:Yassine/M|Yasmine/F", "MA:Amine/M|Amina/F", "MA:Sami/M|Samia/F", "MA:Karim/M|Karima/F",
        "MA:Nadim/M|Nadia/F", "MA:Jamal/M|Jamila/F", "MA:Aziz/M|Aziza/F", "MA:Malik/M|Malika/F",
        "MA:Said/M|Saida/F", "MA:Rachid/M|Rachida/F", "MA:Farid/M|Farida/F", "MA:Ahmed/M|Hamid/M",
        "MA:Nabil/M|Nabila/F", "MA:Salim/M|Salima/F", "MA:Hakim/M|Hakima/F", "MA:Mounir/M|Mounia/F",
        "TR:Emre/M|Emir/M", "TR:Can/M|Cem/M", "TR:Yusuf/M|Yunus/M", "TR:Kerem/M|Kerim/M",
        "CD:Divin/M|Divine/F", "CD:Précieux/M|Précieuse/F", "CD:Exaucé/M|Exaucée/F", "CD:Emmanuel/M|Emmanuella/F",
        "CD:Béni/M|Bénie/F", "CD:Dieudonné/M|Dieudonnée/F",
        "UA:Oleksandr/M|Oleksandra/F", "UA:Bohdan/M|Bohdana/F", "UA:Yaroslav/M|Yaroslava/F",
        "UA:Vladyslav/M|Vladyslava/F", "UA:Ivan/M|Ivanna/F",
        "GR:Georgios/M|Georgia/F", "GR:Konstantinos/M|Konstantina/F", "GR:Dimitrios/M|Dimitra/F",
        "GR:Ioannis/M|Ioanna/F",
        "AL:Blerim/M|Blerina/F", "AL:Ardit/M|Ardita/F", "AL:Arian/M|Ariana/F",
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
            if (o.code.equals("TR") && chance(0.3)) { twinLike(kind, "TR", "Hasan", true, "Hüseyin", true, pick(o.l)); continue; }
            if (o.code.equals("CD") && chance(0.3)) {
                String l; do { l = pick(o.l); } while (l.equals("Nsimba") || l.equals("Nzuzi"));
                twinLike(kind, "CD", "Nsimba", R.nextBoolean(), "Nzuzi", R.nextBoolean(), l); continue;
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
        "BE_NL:Peeters|Peters", "BE_NL:Janssens|Janssen", "BE_NL:Maes|Maas", "BE_NL:Hermans|Hermens",
        "BE_NL:Mertens|Martens", "BE_NL:Wouters|Wauters", "BE_NL:Claes|Claessens", "BE_NL:Jacobs|Jacob",
        "BE_NL:Michiels|Michels", "BE_NL:Goossens|Goessens", "BE_NL:Aerts|Aertsen", "BE_NL:Lemmens|Lemmers",
        "BE_NL:Segers|Seghers", "BE_NL:Geerts|Geers", "BE_NL:Smeets|Smets", "BE_NL:Willems|Willemsen",
        "BE_FR:Dubois|Dubuis", "BE_FR:Dupont|Dumont", "BE_FR:Lambert|Lambrecht", "BE_FR:Renard|Renaud",
        "BE_FR:Simon|Simons", "BE_FR:Leclercq|Leclerc", "BE_FR:Collignon|Colignon", "BE_FR:Lemaire|Lemaître",
        "BE_FR:Martin|Martiny", "BE_FR:Gérard|Girard", "BE_FR:Pirard|Picard", "BE_FR:Bastin|Bastien",
        "BE_FR:Collard|Colard", "BE_FR:Thiry|Thierry", "BE_FR:Gillet|Gilet", "BE_FR:Wathelet|Watelet",
        "BE_FR:Delvaux|Delvoye", "BE_FR:Jacquemin|Jacquemart", "BE_FR:Mathieu|Mathy", "BE_FR:Goffin|Goffinet",
        "BE_DE:Schmitz|Schmidt", "BE_DE:Lentz|Lenz", "BE_DE:Kessler|Kesseler", "BE_DE:Heinen|Heinens",
        "BE_DE:Cremer|Kremer", "BE_DE:Jost|Joost", "BE_DE:Hilgers|Hilger",
        "IT:Russo|Rossi", "IT:Romano|Romani", "IT:Greco|Greci", "IT:Gallo|Galli", "IT:Ricci|Rizzi",
        "IT:Marino|Marini", "IT:Conti|Conte", "IT:Bruno|Bruni", "IT:Ferrara|Ferrari",
        "ES:García|Gracia", "ES:Martínez|Martín", "ES:Sánchez|Sanchís",
        "PT:Silva|Silveira", "PT:Pereira|Ferreira", "PT:Santos|Santo",
        "PL:Nowak|Novak", "PL:Kowalski|Kowalczyk", "PL:Wiśniewski|Wiśniowski", "PL:Kamiński|Kamieński",
        "PL:Mazur|Mazurek", "PL:Krawczyk|Krawiec",
        "RO:Popescu|Popovici", "RO:Popa|Pop", "RO:Ionescu|Ionașcu", "RO:Radu|Rădulescu", "RO:Munteanu|Muntean",
        "MA:El Amrani|El Omrani", "MA:Haddad|Haddadi", "MA:Boukhris|Boukhari", "MA:Mansouri|Mansour",
        "MA:Saidi|Saadi", "MA:Ziani|Zaini", "MA:Bouzid|Bouziane", "MA:Benali|Benaissa", "MA:Azzouzi|Azzouz",
        "MA:Toumi|Touimi", "MA:Hamdaoui|Hamdani",
        "TR:Yılmaz|Yıldız", "TR:Kaya|Kara", "TR:Demir|Demirel", "TR:Çelik|Çetin", "TR:Aydın|Aydoğan",
        "TR:Arslan|Aslan", "TR:Özdemir|Özdamar", "TR:Kılıç|Kılınç", "TR:Koç|Koçak", "TR:Doğan|Doğru",
        "CD:Mukendi|Mukenge", "CD:Kabongo|Kabangu", "CD:Kasongo|Kasonga", "CD:Mbuyi|Mbuya",
        "CD:Tshibangu|Tshibanda", "CD:Mutombo|Mutamba", "CD:Uwimana|Uwamahoro", "CD:Habimana|Habiyaremye",
        "CD:Niyonzima|Niyonsaba", "CD:Nshimiyimana|Nshimirimana",
        "UA:Kovalenko|Kovalchuk", "UA:Shevchenko|Savchenko", "UA:Tkachenko|Tkachuk", "UA:Bondarenko|Bondar",
        "UA:Pavlenko|Pavliuk", "UA:Kravchenko|Kravets", "UA:Melnyk|Melnychuk", "UA:Lysenko|Lysak",
        "AL:Berisha|Berishaj", "AL:Gashi|Gashaj", "AL:Hoxha|Hoxhaj", "AL:Shala|Shalaj",
        "GR:Papadopoulos|Papadakis", "GR:Georgiou|Georgiadis", "GR:Nikolaidis|Nikolaou",
        "VN:Phạm|Phan", "VN:Lê|Lý", "VN:Trần|Trịnh",
        "CN:Liu|Lin", "CN:Chen|Cheng", "CN:Zhou|Zhao", "CN:Yang|Yan",
        "IN:Sharma|Verma", "IN:Patel|Patil", "IN:Nair|Naik", "IN:Mehta|Mehra", "IN:Gupta|Dutta",
    };

    static final String[] CLOSE_FIRST = {
        "BE_FR:Martin/M|Martine/F", "BE_FR:Daniel/M|Danielle/F", "BE_FR:Michel/M|Michèle/F", "BE_FR:Pascal/M|Pascale/F",
        "BE_FR:Frédéric/M|Frédérique/F", "BE_FR:René/M|Renée/F", "BE_FR:Noël/M|Noëlle/F", "BE_FR:Joël/M|Joëlle/F",
        "BE_FR:Emmanuel/M|Emmanuelle/F", "BE_FR:Jean/M|Jeanne/F", "BE_FR:Nicolas/M|Nicole/F", "BE_FR:Christian/M|Christiane/F",
        "BE_FR:Yves/M|Yvette/F", "BE_FR:Louis/M|Louise/F", "BE_FR:Julien/M|Julie/F", "BE_FR:Denis/M|Denise/F",
        "BE_NL:Bart/M|Bert/M", "BE_NL:Jan/M|Jens/M", "BE_NL:Tom/M|Tim/M", "BE_NL:Els/F|Elke/F", "BE_NL:Lies/F|Lien/F",
        "BE_NL:Koen/M|Kobe/M", "BE_NL:Jan/M|Jana/F", "BE_NL:Wim/M|Wout/M", "BE_NL:Leen/F|Lien/F",
        "MA:Ali/M|Alia/F", "MA:Karim/M|Karima/F", "MA:Samir/M|Samira/F", "MA:Rachid/M|Rachida/F",
        "MA:Mohamed/M|Mahmoud/M", "MA:Said/M|Saad/M", "MA:Nabil/M|Nabila/F", "MA:Hamid/M|Hamza/M",
        "TR:Emre/M|Emir/M", "TR:Mehmet/M|Mahmut/M", "TR:Hasan/M|Hakan/M", "TR:Ayşe/F|Ayla/F",
        "IT:Marco/M|Mario/M", "IT:Paolo/M|Paola/F", "IT:Simone/M|Simona/F", "IT:Carlo/M|Carla/F",
        "UA:Oleksandr/M|Oleksandra/F", "PL:Jan/M|Janina/F", "RO:Daniel/M|Daniela/F", "ES:Luis/M|Luisa/F",
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

        sameKind("accents-case", s, LabelledPairsGenerator::accentsCase, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        sameKind("email-capitals", s, () -> {
            NP p = plain(pickOrigin(), R.nextBoolean());
            if (chance(0.25)) { String f = fold(p.af()), l = chance(0.5) ? upper(fold(p.al())) : fold(p.al());
                                return p.withB(f, l); }
            return p;
        }, CM.KEEP_ONE, BM.MAYBE_UNKNOWN, true);
        sameKind("typo-surname", s, LabelledPairsGenerator::typoSurname, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        sameKind("typo-first-name", s, LabelledPairsGenerator::typoFirst, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        sameKind("names-swapped", s, LabelledPairsGenerator::swapped, CM.USUAL, BM.SAME, false);
        sameKind("birth-date-typo", s, () -> plain(pickOrigin(), R.nextBoolean()), CM.KEEP_ONE, BM.TYPO, false);
        while (COUNT.getOrDefault("married-name", 0) < s) {
            Married m = married();
            addSame("married-name", m.np, m.maidenVisible ? CM.USUAL : CM.KEEP_ONE, BM.SAME, false);
        }
        sameKind("compound-particles", s, LabelledPairsGenerator::compound, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        sameKind("nickname", s, LabelledPairsGenerator::nickname, CM.USUAL, BM.MAYBE_UNKNOWN, false);
        sameKind("transliteration-arabic-first", s, LabelledPairsGenerator::arabFirst, CM.USUAL, BM.SAME, false);
        sameKind("transliteration-arabic-surname", s, LabelledPairsGenerator::arabLast, CM.USUAL, BM.SAME, false);
        sameKind("transliteration-turkish", s, LabelledPairsGenerator::turkishNP, CM.USUAL, BM.SAME, false);
        sameKind("transliteration-slavic", s, LabelledPairsGenerator::slavic, CM.USUAL, BM.SAME, false);
        sameKind("dutch-ij-y", s, LabelledPairsGenerator::dutchIjY, CM.USUAL, BM.MAYBE_UNKNOWN, false);
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
