package vn.cdsbot.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * Who a Zalo user is to the bot. Anyone not enrolled is a citizen. The order is authority over reports and
 * people ({@link vn.cdsbot.chat.Command#atLeast}): an editor looks after the knowledge base only, so it sits
 * below members and can be invited by the secretariat and admins.
 */
public enum Role {
    CITIZEN("người dân"),
    EDITOR("biên tập viên"),
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
            case "bientap", "editor" -> Optional.of(EDITOR);
            default -> Optional.empty();
        };
    }
}
