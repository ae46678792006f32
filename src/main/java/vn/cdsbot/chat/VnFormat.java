package vn.cdsbot.chat;

import java.text.NumberFormat;
import java.util.Locale;

/** Vietnamese number writing for every feature: "1.234", "3,41 %", and the change wording Tăng / Giảm / Bằng. */
public final class VnFormat {
    public static final Locale VI = Locale.forLanguageTag("vi-VN");

    private VnFormat() {}

    /** Whole numbers with the thousands dot: 1234567 → "1.234.567". */
    public static NumberFormat integers() {
        NumberFormat f = NumberFormat.getIntegerInstance(VI);
        f.setGroupingUsed(true);
        return f;
    }

    public static String number(long n) {
        return integers().format(n);
    }

    /** Two decimals, decimal comma, thousands dots, a space before the sign: "3,41 %", "1.250,00 %". */
    public static String percent(double value) {
        NumberFormat f = NumberFormat.getNumberInstance(VI);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        // via the decimal text of the double, so 3.405 rounds to 3,41 as a reader expects, and -0,00 is 0,00
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
        return f.format(d.signum() == 0 ? java.math.BigDecimal.ZERO : d) + " %";
    }

    /** Share of a whole, e.g. rate(98, 111) = "88,29 %"; "0,00 %" when the whole is 0. */
    public static String rate(long part, long whole) {
        return percent(whole == 0 ? 0 : 100.0 * part / whole);
    }

    /**
     * "Tăng 35 (3,41 %)", "Giảm 12 (1,05 %)", "Bằng kỳ trước", "Tăng 7 (kỳ trước 0)".
     *
     * @param before how the earlier period is called: "tuần trước", "kỳ trước"
     */
    public static String change(long current, long previous, String before) {
        long diff = current - previous;
        if (diff == 0) return "Bằng " + before;
        String word = diff > 0 ? "Tăng " : "Giảm ";
        if (previous == 0) return word + number(Math.abs(diff)) + " (" + before + " 0)";
        return word + number(Math.abs(diff)) + " (" + percent(100.0 * Math.abs(diff) / previous) + ")";
    }

    /** The short form for a unit line: "▲12", "▼3", "=". */
    public static String arrow(long current, long previous) {
        long diff = current - previous;
        if (diff == 0) return "=";
        return (diff > 0 ? "▲" : "▼") + number(Math.abs(diff));
    }

    public static String capitalize(String s) {
        if (s.isEmpty()) return s;
        int first = s.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))) + s.substring(Character.charCount(first));
    }
}
