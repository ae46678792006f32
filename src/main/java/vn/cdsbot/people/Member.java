package vn.cdsbot.people;

import vn.cdsbot.chat.Role;

/**
 * An enrolled Zalo user (or a former one: {@code active} false after revocation).
 *
 * @param number short stable number shown as "TV12"
 * @param displayName Zalo display name, null until fetched (or after the user withdrew consent)
 */
public record Member(String userId, int number, String unitCode, Role role, String displayName, long enrolledAt,
                     boolean active) {

    public String tag() {
        return "TV" + number;
    }

    /** "Nguyễn Văn A (TV12)", or just "TV12" while the name is unknown. */
    public String label() {
        return displayName == null || displayName.isBlank() ? tag() : displayName + " (" + tag() + ")";
    }
}
