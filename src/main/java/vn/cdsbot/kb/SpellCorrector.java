package vn.cdsbot.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces a syllable that occurs nowhere in the index by the most common indexed syllable one edit away (insert,
 * delete, substitute or swap). Short syllables are left alone: too many real words are one edit apart.
 */
final class SpellCorrector {
    private static final int MIN_LENGTH = 4;

    private final Vocabulary vocabulary;
    /** Every vocabulary syllable under itself and each of its one-letter deletions (typo candidates). */
    private final Map<String, List<String>> deletions = new HashMap<>();

    SpellCorrector(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        for (String t : vocabulary.terms()) {
            for (String k : deletionKeys(t)) deletions.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
        }
    }

    List<String> correct(List<String> terms) {
        List<String> out = new ArrayList<>(terms.size());
        for (String t : terms) out.add(correct(t));
        return out;
    }

    String correct(String t) {
        if (t.length() < MIN_LENGTH || vocabulary.contains(t) || !t.chars().allMatch(Character::isLetter)) return t;
        String best = null;
        int bestDf = 0;
        for (String k : deletionKeys(t)) {
            for (String candidate : deletions.getOrDefault(k, List.of())) {
                int df = vocabulary.df(candidate);
                boolean better = df > bestDf || (df == bestDf && best != null && candidate.compareTo(best) < 0);
                if (better && oneEditApart(t, candidate)) {
                    best = candidate;
                    bestDf = df;
                }
            }
        }
        return best != null ? best : t;
    }

    /** The word and each of its one-letter deletions: two words one edit apart always share one of these. */
    private static Set<String> deletionKeys(String t) {
        Set<String> keys = new HashSet<>();
        keys.add(t);
        for (int i = 0; i < t.length(); i++) keys.add(t.substring(0, i) + t.substring(i + 1));
        return keys;
    }

    static boolean oneEditApart(String a, String b) {
        int la = a.length(), lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) return false;
        if (la == lb) {
            int first = -1, diffs = 0;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (diffs++ == 0) first = i;
                }
            }
            if (diffs == 1) return true;
            return diffs == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String s = la < lb ? a : b, l = la < lb ? b : a;
        int i = 0;
        while (i < s.length() && s.charAt(i) == l.charAt(i)) i++;
        return s.substring(i).equals(l.substring(i + 1));
    }
}
