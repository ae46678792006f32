package vn.cdsbot.summary;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.summary.UnitTree.Unit;

/**
 * The arguments of a summary command: an optional week ("tuần 46", "tuan 46/2025", "tuan46") and the rest
 * (a unit code or name, an indicator). Without a week, the week just ended is meant.
 */
record Request(Week week, boolean weekGiven, List<String> words) {
    private static final Pattern WEEK = Pattern.compile("(\\d{1,2})(?:/(\\d{4}))?");
    private static final Pattern GLUED = Pattern.compile("tuan(\\d{1,2}(?:/\\d{4})?)");

    static Request parse(String args, Instant now, ZoneId zone) throws UserError {
        Week current = Week.containing(now, zone);
        List<String> words = new ArrayList<>();
        Week week = null;
        String[] tokens = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String f = Texts.fold(tokens[i]);
            Matcher glued = GLUED.matcher(f);
            String number = null;
            if (f.equals("tuan") || f.equals("week")) {
                if (i + 1 >= tokens.length || !WEEK.matcher(tokens[i + 1]).matches()) {
                    throw new UserError("Hãy ghi số tuần sau chữ \"tuần\", ví dụ: tuần " + current.previous().number() + ".");
                }
                number = tokens[++i];
            } else if (glued.matches()) {
                number = glued.group(1);
            }
            if (number == null) {
                words.add(tokens[i]);
                continue;
            }
            if (week != null) throw new UserError("Chỉ ghi một tuần cho mỗi lệnh.");
            week = resolve(number, current);
        }
        return new Request(week != null ? week : current.previous(), week != null, List.copyOf(words));
    }

    private static Week resolve(String text, Week current) throws UserError {
        Matcher m = WEEK.matcher(text);
        if (!m.matches()) throw new UserError("Số tuần \"" + text + "\" không hợp lệ.");
        int n = Integer.parseInt(m.group(1));
        Optional<Week> w;
        if (m.group(2) != null) {
            int year = Integer.parseInt(m.group(2));
            w = Week.of(year, n);
            if (w.isEmpty()) throw new UserError("Năm " + year + " không có tuần " + n + ".");
        } else {
            w = Week.of(current.year(), n).filter(x -> x.compareTo(current) <= 0);
            if (w.isEmpty()) w = Week.of(current.year() - 1, n);
            if (w.isEmpty()) throw new UserError("Không có tuần " + n + ". Số tuần đi từ 1 đến 52 (có năm 53).");
        }
        if (w.get().compareTo(current) > 0) throw new UserError(w.get().label() + " chưa bắt đầu.");
        return w.get();
    }

    String rest() {
        return String.join(" ", words);
    }

    /**
     * Who sees what: a leader their own unit and everything under it, the secretariat and admins the whole tree;
     * either may name a unit inside what they see.
     */
    static Unit scope(Sender sender, UnitTree tree, String unitText) throws UserError {
        Unit home;
        if (sender.role() == Role.SECRETARIAT || sender.role() == Role.ADMIN) {
            home = tree.root();
        } else if (sender.role() == Role.LEADER) {
            home = tree.get(sender.unitCode()).orElseThrow(() -> new UserError(
                    "Không tìm thấy đơn vị của bạn (" + sender.unitCode() + ") trong danh sách đơn vị. Hãy báo văn phòng Ban Chỉ đạo."));
        } else {
            throw new UserError("Lệnh này dành cho tổ trưởng và văn phòng Ban Chỉ đạo.");
        }
        if (unitText.isBlank()) return home;
        Unit named = tree.find(unitText).orElseThrow(() -> new UserError("Không tìm thấy đơn vị \"" + unitText.strip()
                + "\". Hãy gõ mã đơn vị, ví dụ: " + example(tree, home) + "."));
        if (!tree.within(home, named)) {
            throw new UserError("Bạn chỉ xem được số liệu của " + home.name() + " và các đơn vị trực thuộc.");
        }
        return named;
    }

    private static String example(UnitTree tree, Unit home) {
        List<Unit> children = tree.children(home);
        return children.isEmpty() ? home.code() : children.get(0).code();
    }
}
