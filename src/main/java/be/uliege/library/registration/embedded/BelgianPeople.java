package be.uliege.library.registration.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Invented names of people living in Belgium, around Liège especially: given and family names of
 * every origin the university's files carry, weighted roughly like Liège's population, combined at
 * random (no real person's data). Names keep their own letters (Yılmaz, Nguyễn, Wiśniewska), as the
 * national register writes them; particles, apostrophes, hyphens and several given names occur.
 */
final class BelgianPeople {

    /** One origin: its weight in a thousand people, the language its people prefer besides French. */
    private record Origin(
            String name, int weight, String language, List<String> male, List<String> female, List<String> last) {}

    /** A generated name; {@code first} is absent for people with one name part only. */
    record Name(
            @Nullable String first,
            @Nullable String middle,
            String last,
            @Nullable String gender,
            String language) {}

    // One origin per paragraph: "name weight language", then M: (male), F: (female), L: (family) names.
    private static final String ORIGINS = """
            walloon 470 fr
            M: Jean, Pierre, Jean-Pierre, Michel, Philippe, Alain, Luc, Marc, Jacques, André, Christian, Didier
            M: Olivier, Thierry, Benoît, Nicolas, Julien, Maxime, Antoine, Romain, Thomas, Hugo, Louis, Arthur
            M: Nathan, Lucas, Théo, Mathis, Noah, Victor, Gilles, Quentin, Sébastien, Cédric, Grégory, Jérôme
            M: François, Xavier, Frédéric, Laurent, Stéphane, Arnaud, Guillaume, Valentin, Corentin, Florian
            M: Adrien, Loïc, Jean-Marc, Jean-Luc, Jean-François, Marc-Antoine, Émile, Léon, Raphaël, Gaëtan
            F: Marie, Anne, Marie-Thérèse, Marie-Claire, Anne-Sophie, Isabelle, Nathalie, Catherine, Christine
            F: Véronique, Sylvie, Martine, Françoise, Monique, Valérie, Sophie, Julie, Aurélie, Céline, Caroline
            F: Stéphanie, Émilie, Laura, Camille, Manon, Pauline, Charlotte, Léa, Chloé, Emma, Louise, Juliette
            F: Zoé, Lucie, Margaux, Clémence, Hélène, Élise, Mélanie, Gaëlle, Noémie, Océane, Justine, Amandine
            F: Marie-Laure, Anne-Catherine, Bénédicte, Geneviève, Ghislaine, Maëlle, Inès, Agathe, Solène
            L: Lemaire, Dubois, Collard, Jacquemin, Lambotte, Lambert, Martin, Dupont, Renard, Simon, Laurent
            L: Leclercq, Mathieu, François, Henrard, Thiry, Gérard, Denis, Fontaine, Marchal, Pirotte, Piron
            L: Lejeune, Hubert, Charlier, Noël, Delhaye, Halleux, Dethier, Grignard, Moreau, Lecomte, Masson
            L: Rousseau, Georges, Dumont, Bertrand, Gilson, Wilmotte, Jamar, Delvaux, Bodson, Houbion, Lhoest
            L: Remacle, Closset, Lardinois, Dessart, Warnier, Stassen, Lousberg, Delcour, Bernard, Dupuis, Leroy
            L: Defourny, Detry, Xhonneux, Xhaflaire, Delrée, Deprez, Goffin, Hardy, Jadot, Kinet, Léonard
            L: Mignolet, Nyssen, Ponsard, Sépulchre, Thonon, Vandeberg, Nicolay, Evrard, Bastin, D'Ans, L'Hoest
            L: de la Croix, Le Clercq, du Bois, de Marneffe, Dieudonné, Pâquet, Hanquet, Crahay, Degée, Poncelet

            flemish 70 nl
            M: Jan, Pieter, Wouter, Koen, Bart, Tom, Stijn, Joris, Dirk, Geert, Jef, Lander, Sander, Arne, Seppe
            M: Wout, Jens, Thijs, Lukas, Ruben, Kobe, Jelle, Maarten, Pieter-Jan, Jan-Willem, Siebe
            F: An, Els, Griet, Katrien, Lies, Leen, Sofie, Annelies, Lotte, Fien, Nele, Anke, Eline, Marieke
            F: Hanne, Jolien, Femke, Ine, Lien, Saar, Anneke, Elke, Joke
            L: Van den Bossche, De Smet, Vanderlinden, Verstraeten, Peeters, Janssens, Maes, Jacobs, Mertens
            L: Willems, Claes, Goossens, Wouters, De Clercq, Van de Velde, Van Damme, Vermeulen, De Backer
            L: D'Hondt, Van Acker, De Wilde, Vandenberghe, Van Hoof, Verhaegen, Vercammen, Desmet, De Vos
            L: Van der Auwera, Vanhoutte, Segers, Hermans, Van Looy, Van Gucht, Verbeke, Ceulemans, Smolders

            german 35 de
            M: Klaus, Jürgen, Günter, Andreas, Stefan, Markus, Jörg, Lukas, Jonas, Felix, Tobias, Matthias
            M: Dieter, Manfred, Bernd, Jannik, Niklas
            F: Ursula, Monika, Sabine, Birgit, Jutta, Anja, Katrin, Lea, Hannah, Jana, Sarah, Annika, Gisela
            F: Brigitte, Lena, Jessica
            L: Müller, Schröder, Kessler, Schmitz, Heinen, Kohnen, Lentz, Mreyen, Cremer, Hilligsmann, Fickers
            L: Keutgen, Schumacher, Weber, Jost, Langer, Pankert, Velz, Genten, Hoffmann, Krings, Lambertz
            L: Meyer, Zimmermann, Becker, Förster, Nießen, Küpper, Brüll

            italian 90 fr
            M: Giuseppe, Salvatore, Antonio, Giovanni, Francesco, Vincenzo, Luigi, Angelo, Marco, Luca
            M: Alessandro, Matteo, Lorenzo, Gianluca, Domenico, Rocco, Carmelo, Calogero, Nicola, Pasquale
            F: Maria, Giuseppina, Rosa, Anna, Francesca, Giulia, Chiara, Sara, Alessia, Martina, Carmela
            F: Concetta, Angela, Lucia, Rosaria, Graziella, Silvia, Federica
            L: Russo, Esposito, Di Mauro, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca
            L: Costa, Giordano, Mancini, Rizzo, Lombardi, Moretti, Barbieri, Fontana, Caruso, Ferrara, Santoro
            L: Di Stefano, D'Angelo, D'Amico, La Rocca, Lo Bue, Lo Presti, Messina, Pirrone, Sciortino
            L: Cammarata, Nicotra, Zanghì, Cucchiara, Di Bartolomeo, Scibetta, Lo Giudice

            spanish 20 fr
            M: José, Juan, Carlos, Javier, Manuel, Antonio, Miguel Ángel, Alejandro, Pablo, Sergio, Raúl, Iñaki
            M: Álvaro, Jorge
            F: María, Carmen, Lucía, Ana, Laura, Marta, Elena, Cristina, Isabel, Pilar, Rocío, Nuria, Begoña
            F: María José, Inés
            L: García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Jiménez, Ruiz
            L: Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Navarro, Ibáñez, Castaño

            portuguese 12 fr
            M: João, Pedro, Tiago, Rui, Nuno, Luís, Paulo, Diogo, Gonçalo
            F: Ana, Mariana, Beatriz, Inês, Joana, Sónia, Conceição, Fátima, Catarina
            L: Gonçalves, da Silva, Ferreira, Pereira, Santos, Oliveira, Rodrigues, Fernandes, Carvalho, Sousa
            L: Gonçalves da Silva, Ferreira dos Santos, Magalhães, Araújo, Simões, Assunção

            maghreb 75 fr
            M: Mohamed, Mohammed, Ahmed, Youssef, Karim, Rachid, Mustapha, Hassan, Omar, Saïd, Abdelkader
            M: Nabil, Mehdi, Ilyas, Ayoub, Bilal, Hamza, Amine, Anas, Yassine, Adam, Rayan, Driss, Khalid, Samir
            F: Fatima, Khadija, Aïcha, Nadia, Samira, Malika, Leïla, Soumaya, Imane, Salma, Yasmine, Sara
            F: Meryem, Hajar, Naïma, Zineb, Houda, Rania, Nour, Siham, Latifa, Fatima-Zahra
            L: El Amrani, Benali, Ait Ouali, El Idrissi, Bouzid, Boukhari, Belkacem, El Ouahabi, Azzouzi
            L: Chaouki, Amrani, Ouazzani, Mansouri, Ben Ahmed, El Khattabi, Boumediene, Kaddouri, Saidi
            L: Laaroussi, Tahiri, El Fassi, Ait Benali, Aït Hammou, Bouchikhi, Cherif, Hamidi, Zerrouki
            L: Meziane, Belhadj, Kacimi, Lahlou

            turkish 40 fr
            M: Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Murat, Emre, Burak, Yusuf, Ömer, Kerem
            M: Serkan, Oğuz, Çağrı, Barış
            F: Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Merve, Büşra, Özlem, Gül, Şeyma, Esra, Tuğba, Derya
            F: Gülşen
            L: Yılmaz, Öztürk, Çelik, Kaya, Demir, Şahin, Aydın, Arslan, Doğan, Kılıç, Aslan, Çetin, Kara, Koç
            L: Kurt, Özdemir, Polat, Güneş, Yıldız, Bulut, Taş, Akın, Ünal, Karataş, Bozkurt

            african 50 fr
            M: Jean-Claude, Patrick, Emmanuel, Serge, Christian, Olivier, Didier, Fiston, Glody, Blaise, Junior
            M: Trésor, Gloire, Jean de Dieu, Aimé, Jean-Paul, Claude, Hervé, Innocent, Eric, Arsène, Prince
            F: Marie-Claire, Grâce, Divine, Espérance, Chantal, Béatrice, Clarisse, Jeanne, Aline, Solange
            F: Nadège, Merveille, Gloria, Sandrine, Rachel, Joséphine, Odette, Patience, Aurore, Bénédicte
            L: Mukendi, Kabongo, Uwimana, Nkemdirim, Ilunga, Kalala, Tshibangu, Mbuyi, Kasongo, Mulumba, Ngoy
            L: Lukusa, Kabeya, Mutombo, Tshimanga, Kanyinda, Nzeza, Lusamba, Makiese, Mavinga, Nsimba, Mbala
            L: Mwamba, Uwase, Niyonzima, Habimana, Nshimiyimana, Mukamana, Mbarga, Nguema, Tchoumi, Fotso
            L: Kamga, Ngo Bassa, Essomba, Abena, Onana, Tchakounté, Ngassa

            polish 18 fr
            M: Piotr, Krzysztof, Tomasz, Paweł, Michał, Łukasz, Marcin, Jakub, Mateusz, Wojciech, Grzegorz
            F: Anna, Katarzyna, Małgorzata, Agnieszka, Joanna, Magdalena, Ewa, Aleksandra, Zofia, Weronika
            L: Wiśniewski, Kowalczyk, Nowak, Kowalski, Wójcik, Kamiński, Lewandowski, Zieliński, Szymański
            L: Woźniak, Dąbrowski, Kozłowski, Mazur, Krawczyk, Grabowski, Jabłoński

            romanian 18 fr
            M: Andrei, Alexandru, Mihai, Ion, Florin, Cristian, Ionuț, Vlad, Bogdan, Răzvan, Ștefan
            F: Ioana, Maria, Elena, Andreea, Alexandra, Mihaela, Cristina, Ana-Maria, Raluca, Oana, Simona
            L: Popescu, Ionescu, Popa, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Constantin, Munteanu
            L: Moldovan, Șerban, Dumitrescu, Vasilescu, Ciobanu, Lupu, Rusu, Mureșan

            greek 12 fr
            M: Georgios, Dimitrios, Konstantinos, Ioannis, Nikolaos, Christos, Panagiotis, Vasileios, Spyridon
            F: Maria, Eleni, Aikaterini, Vasiliki, Sofia, Georgia, Dimitra, Konstantina, Eirini, Despoina
            L: Papadopoulos, Georgiou, Nikolaidis, Karagiannis, Vlachos, Oikonomou, Dimitriou, Papadakis
            L: Christodoulou, Konstantinidis, Pappas, Antoniou, Makris, Ioannidis, Alexiou

            vietnamese 8 fr
            M: Văn Minh, Văn Hùng, Minh, Tuấn, Hoàng, Đức, Quang, Thanh, Bảo, Khang, Long
            F: Thị Lan, Thị Hương, Thị Mai, Linh, Ngọc Anh, Thu Trang, Phương, Hạnh, Thảo, Huyền, My
            L: Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý

            chinese 12 en
            M: Wei, Jie, Hao, Lei, Jun, Tao, Ming, Yang, Yu, Zhiwei, Haoran, Yichen
            F: Li, Fang, Jing, Ying, Xiaoyan, Mei, Yan, Xin, Lina, Yuxin, Xiaoling, Jiaxin
            L: Wang, Zhang, Li, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, Lin, He, Gao

            levant 22 en
            M: Ahmad, Mohammad, Ali, Hussein, Omar, Khaled, Mahmoud, Abdullah, Ibrahim, Rami, Firas, Samer
            M: Farid, Jawad, Hamid, Nasir, Zabihullah, Mustafa, Hamza
            F: Fatemah, Zahra, Maryam, Nour, Rasha, Lina, Hiba, Rana, Amal, Dima, Farah, Shabnam, Parwana
            F: Mursal, Sahar, Lamis
            L: Al-Hassan, Ahmadi, Al-Khatib, Haddad, Al-Ali, Hussaini, Rahimi, Karimi, Noori, Sultani
            L: Mohammadi, Al-Masri, Al-Ahmad, Hamdan, Kurdi, Shaikh, Haidari, Azizi, Sadat, Safi
            L: Abdel Rahman, Al-Najjar, Hashimi

            ukrainian 12 en
            M: Oleksandr, Andriy, Dmytro, Serhiy, Volodymyr, Mykola, Yuriy, Taras, Bohdan, Ivan, Artem, Maksym
            F: Olena, Oksana, Iryna, Nataliya, Tetiana, Yuliya, Anastasiia, Kateryna, Svitlana, Viktoriia
            L: Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Boyko, Kovalchuk, Oliynyk
            L: Lysenko, Marchenko, Rudenko, Savchenko, Petrenko, Moroz

            irish 5 en
            M: Patrick, Sean, James, Liam, Conor, Michael, Daniel, Ryan, Ciarán
            F: Siobhán, Aoife, Niamh, Emily, Sarah, Claire, Róisín, Grace
            L: O'Brien, O'Connor, Murphy, Kelly, Smith, O'Sullivan, Walsh, McCarthy, Byrne, Fitzgerald, O'Neill
            """;

    private static final List<Origin> ORIGIN_LIST = parse(ORIGINS);
    private static final int TOTAL_WEIGHT =
            ORIGIN_LIST.stream().mapToInt(Origin::weight).sum();
    private static final Origin WALLOON = ORIGIN_LIST.getFirst();
    private static final List<String> FAMILY_NAMES =
            ORIGIN_LIST.stream().flatMap(o -> o.last().stream()).toList();

    private BelgianPeople() {}

    /** A name drawn from {@code random}, and the language its bearer more likely prefers. */
    static Name name(Random random) {
        var origin = origin(random);
        int g = random.nextInt(100);
        String gender = g < 49 ? "MALE" : g < 98 ? "FEMALE" : null;
        boolean female = "FEMALE".equals(gender) || (gender == null && random.nextBoolean());
        var last = last(origin, female, random);
        if (random.nextInt(1000) < 2) {
            return new Name(null, null, last, gender, origin.language());
        }
        // Children of families settled for generations often carry a French given name.
        var givenFrom = origin != WALLOON && random.nextInt(100) < 12 ? WALLOON : origin;
        var first = pick(female ? givenFrom.female() : givenFrom.male(), random);
        if (female && givenFrom == WALLOON && random.nextInt(100) < 3 && !first.contains("-")) {
            first = "Marie-" + first;
        }
        String middle = null;
        if (random.nextInt(100) < 6) {
            middle = pick(female ? givenFrom.female() : givenFrom.male(), random);
            if (random.nextInt(4) == 0) {
                middle += " " + pick(female ? givenFrom.female() : givenFrom.male(), random);
            }
        }
        if (random.nextInt(1000) == 0) {
            return veryLong(female, random, gender);
        }
        return new Name(first, middle, last, gender, origin.language());
    }

    private static String last(Origin origin, boolean female, Random random) {
        var last = pick(origin.last(), random);
        switch (origin.name()) {
            case "spanish" -> {
                // Two family names, the father's and the mother's.
                var second = pick(origin.last(), random);
                if (random.nextInt(100) < 80 && !second.equals(last)) {
                    last = last + " " + second;
                }
            }
            case "polish" -> {
                if (female && (last.endsWith("ski") || last.endsWith("cki"))) {
                    last = last.substring(0, last.length() - 1) + "a";
                }
            }
            case "greek" -> {
                if (female && last.endsWith("os")) {
                    last = last.substring(0, last.length() - 2) + "ou";
                } else if (female && last.endsWith("is")) {
                    last = last.substring(0, last.length() - 1);
                }
            }
            default -> {}
        }
        if (random.nextInt(100) < 2) {
            last = last + "-" + pick(origin(random).last(), random);
        }
        return last;
    }

    /** A rare name that fills most of the 100 characters Alma allows. */
    private static Name veryLong(boolean female, Random random, @Nullable String gender) {
        var spanish = ORIGIN_LIST.stream()
                .filter(o -> o.name().equals("spanish"))
                .findFirst()
                .orElseThrow();
        var first = female ? "María de los Ángeles" : "José María de la Santísima Trinidad";
        var last = new StringBuilder(pick(spanish.last(), random));
        while (last.length() < 60) {
            last.append(random.nextBoolean() ? " y " : " ").append(pick(spanish.last(), random));
        }
        return new Name(first, female ? "Inmaculada Concepción" : "Francisco Javier", last.toString(), gender, "fr");
    }

    private static Origin origin(Random random) {
        int r = random.nextInt(TOTAL_WEIGHT);
        for (var origin : ORIGIN_LIST) {
            r -= origin.weight();
            if (r < 0) {
                return origin;
            }
        }
        throw new IllegalStateException("weights");
    }

    static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    /** Every family name of every origin. */
    static List<String> allFamilyNames() {
        return FAMILY_NAMES;
    }

    private static List<Origin> parse(String text) {
        var origins = new ArrayList<Origin>();
        for (var paragraph : text.strip().split("\n\n")) {
            var lines = paragraph.lines().toList();
            var head = lines.getFirst().split(" ");
            var male = new ArrayList<String>();
            var female = new ArrayList<String>();
            var last = new ArrayList<String>();
            for (var line : lines.subList(1, lines.size())) {
                var target = switch (line.substring(0, 2)) {
                    case "M:" -> male;
                    case "F:" -> female;
                    case "L:" -> last;
                    default -> throw new IllegalStateException(line);
                };
                for (var name : line.substring(2).split(",")) {
                    target.add(name.strip());
                }
            }
            origins.add(new Origin(
                    head[0],
                    Integer.parseInt(head[1]),
                    head[2],
                    List.copyOf(male),
                    List.copyOf(female),
                    List.copyOf(last)));
        }
        return List.copyOf(origins);
    }
}
