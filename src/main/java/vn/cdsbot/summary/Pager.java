package vn.cdsbot.summary;

import java.util.ArrayList;
import java.util.List;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.zalo.TextSplitter;

/**
 * Packs text blocks (a header, one unit, one list) into Zalo messages of at most 2,000 characters, cutting only
 * between blocks so a unit's lines never straddle two messages. Later messages start with a short reminder of
 * what they continue.
 */
public final class Pager {
    public static final int LIMIT = TextSplitter.ZALO_LIMIT;
    private static final String GAP = "\n\n";

    private Pager() {}

    public static List<String> pack(List<String> blocks, String continuation) {
        return pack(blocks, continuation, LIMIT);
    }

    static List<String> pack(List<String> blocks, String continuation, int limit) {
        String head = "(tiếp) " + continuation;
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String raw : blocks) {
            for (String block : fit(Texts.nfc(raw.strip()), limit - length(head) - GAP.length())) {
                if (block.isEmpty()) continue;
                int extra = cur.length() == 0 ? length(block) : length(GAP) + length(block);
                if (cur.length() > 0 && length(cur) + extra > limit) {
                    out.add(cur.toString());
                    cur = new StringBuilder(head);
                }
                if (cur.length() > 0) cur.append(GAP);
                cur.append(block);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    /** A block longer than a message (never expected: blocks are short) is cut at line ends. */
    private static List<String> fit(String block, int max) {
        if (length(block) <= max) return List.of(block);
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : block.split("\n")) {
            for (String piece : TextSplitter.split(line, max)) {
                if (cur.length() > 0 && length(cur) + 1 + length(piece) > max) {
                    parts.add(cur.toString());
                    cur = new StringBuilder();
                }
                if (cur.length() > 0) cur.append('\n');
                cur.append(piece);
            }
        }
        if (cur.length() > 0) parts.add(cur.toString());
        return parts;
    }

    static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }
}
