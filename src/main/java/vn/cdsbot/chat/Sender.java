package vn.cdsbot.chat;

import java.util.Objects;

/**
 * The person behind a message as the bot knows them.
 *
 * @param unitCode the enrolled member's unit, or null for a citizen
 * @param name display name, or null when not known yet
 */
public record Sender(String userId, Role role, String unitCode, String name) {
    public Sender {
        Objects.requireNonNull(userId, "userId == null");
        Objects.requireNonNull(role, "role == null");
    }

    public static Sender citizen(String userId) {
        return new Sender(userId, Role.CITIZEN, null, null);
    }

    public boolean enrolled() {
        return role != Role.CITIZEN;
    }
}
