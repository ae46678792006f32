package vn.cdsbot.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Vietnamese number writing: "1.234", "3,41 %", and the week-over-week wording Tăng / Giảm / Bằng. */
public final class VnFormat {
    private VnFormat() {}

    public static String number(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3;
        if (lead > 0) out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            if (out.length() > 0) out.append('.');
            out.append(digits, i, i + 3);
        }
        return (n < 0 ? "-" : "") + out;
    }

    /** Two decimals, decimal comma, thousands dots, a space before the sign: "3,41 %", "1.250,00 %". */
    static String percent(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        String plain = d.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = number(Long.parseLong(plain.substring(0, dot)));
        return (d.signum() < 0 ? "-" : "") + whole + "," + plain.substring(dot + 1) + " %";
    }

    /** Share of a whole, e.g. rate(98, 111) = "88,29 %"; "0,00 %" when the whole is 0. */
    static String rate(long part, long whole) {
        return percent(whole == 0 ? 0 : 100.0 * part / whole);
    }

    /** "Tăng 35 (3,41 %)", "Giảm 12 (1,05 %)", "Bằng tuần trước", "Tăng 7 (tuần trước 0)". */
    static String change(long current, long previous) {
        long diff = current - previous;
        if (diff == 0) return "Bằng tuần trước";
        String word = diff > 0 ? "Tăng " : "Giảm ";
        if (previous == 0) return word + number(Math.abs(diff)) + " (tuần trước 0)";
        return word + number(Math.abs(diff)) + " (" + percent(100.0 * Math.abs(diff) / previous) + ")";
    }

    /** The short form for a unit line: "▲12", "▼3", "=". */
    static String arrow(long current, long previous) {
        long diff = current - previous;
        if (diff == 0) return "=";
        return (diff > 0 ? "▲" : "▼") + number(Math.abs(diff));
    }

    static String capitalize(String s) {
        if (s.isEmpty()) return s;
        int first = s.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))) + s.substring(Character.charCount(first));
    }
}
