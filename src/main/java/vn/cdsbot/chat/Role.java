package vn.cdsbot.chat;

import java.util.Locale;
import java.util.Optional;

/** Who a Zalo user is to the bot. Anyone not enrolled is a citizen. */
public enum Role {
    CITIZEN("người dân"),
    MEMBER("thành viên"),
    LEADER("tổ trưởng"),
    SECRETARIAT("thư ký"),
    ADMIN("quản trị");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** Vietnamese name shown to users. */
    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a role as typed in chat or on the command line: code or Vietnamese name, with or without diacritics. */
    public static Optional<Role> parse(String text) {
        String f = Texts.fold(text).replace(" ", "");
        for (Role r : values()) {
            if (f.equals(r.code()) || f.equals(Texts.fold(r.label).replace(" ", ""))) return Optional.of(r);
        }
        return switch (f) {
            case "totruong", "leader" -> Optional.of(LEADER);
            case "thuky", "vanphong" -> Optional.of(SECRETARIAT);
            case "thanhvien" -> Optional.of(MEMBER);
            default -> Optional.empty();
        };
    }
}
