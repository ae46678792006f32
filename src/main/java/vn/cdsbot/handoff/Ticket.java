package vn.cdsbot.handoff;

/**
 * A citizen's question handed to a person of their commune's team.
 *
 * @param citizenId null once the citizen withdrew or the texts were dropped by retention
 * @param botAnswer what the bot had answered, null when it could not answer
 * @param level who has been asked: {@link #TEAM}, {@link #LEADERS} or {@link #SECRETARIAT}
 * @param notified whether the people of {@code level} have been messaged
 * @param dueAt when an unclaimed ticket goes up a level (epoch millis)
 * @param ownerId the member who took it, null while nobody has
 */
record Ticket(String code, String citizenId, String unitCode, String question, String botAnswer, Status status,
              int level, boolean notified, boolean unreachedTold, long dueAt, String ownerId, long createdAt) {
    static final int TEAM = 0;
    static final int LEADERS = 1;
    static final int SECRETARIAT = 2;

    enum Status { OPEN, CLAIMED, CLOSED }
}
