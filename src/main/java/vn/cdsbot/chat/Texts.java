package vn.cdsbot.chat;

import java.text.Normalizer;

/** Text helpers shared by every user-facing reply. */
public final class Texts {
    private Texts() {}

    public static String nfc(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Lowercase, strip diacritics (đ→d), collapse spaces: for matching command words however they are typed. */
    public static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return d.replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT).trim().replaceAll("\\s+", " ");
    }
}
