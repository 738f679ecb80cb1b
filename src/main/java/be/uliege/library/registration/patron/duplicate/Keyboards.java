package be.uliege.library.registration.patron.duplicate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which letters are neighbours on the keyboards Belgium types on (AZERTY in Wallonia and
 * Brussels, QWERTY in Flanders, QWERTZ in the East): a letter replaced by its neighbour is a
 * typo, a letter replaced by a far one is another name (R-DESK-3).
 */
final class Keyboards {

    private static final String[][] LAYOUTS = {
        {"azertyuiop", "qsdfghjklm", "wxcvbn"},
        {"qwertyuiop", "asdfghjkl", "zxcvbnm"},
        {"qwertzuiop", "asdfghjkl", "yxcvbnm"},
    };
    private static final Map<Character, Set<Character>> NEIGHBOURS = neighbours();

    private Keyboards() {}

    /** True when the two letters touch on one of the layouts (same row side by side, or the rows above and below). */
    static boolean neighbours(char a, char b) {
        return NEIGHBOURS.getOrDefault(a, Set.of()).contains(b);
    }

    private static Map<Character, Set<Character>> neighbours() {
        var map = new HashMap<Character, Set<Character>>();
        for (var rows : LAYOUTS) {
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length(); c++) {
                    var near = map.computeIfAbsent(rows[r].charAt(c), k -> new HashSet<>());
                    for (int dr = -1; dr <= 1; dr++) {
                        int row = r + dr;
                        if (row < 0 || row >= rows.length) {
                            continue;
                        }
                        for (int dc = -1; dc <= 1; dc++) {
                            int col = c + dc;
                            if ((dr != 0 || dc != 0) && col >= 0 && col < rows[row].length()) {
                                near.add(rows[row].charAt(col));
                            }
                        }
                    }
                }
            }
        }
        var frozen = new HashMap<Character, Set<Character>>();
        map.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }
}
