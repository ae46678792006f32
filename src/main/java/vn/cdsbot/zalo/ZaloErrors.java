package vn.cdsbot.zalo;

import java.util.Set;

/** What to do about each Zalo error code (zalo-oa-api fact sheet, section 6): the one list of them. */
public final class ZaloErrors {
    private ZaloErrors() {}

    /**
     * RETRY later; TOKEN: refresh and try once more; NIGHT: wait for the morning; NOT_PAID: a billed message
     * without a funded Zalo Cloud Account; GIVE_UP: a known final refusal; UNEXPECTED: a refusal this list does
     * not know, also given up but worth an operator's look.
     */
    public enum Action { RETRY, TOKEN, NIGHT, NOT_PAID, GIVE_UP, UNEXPECTED }

    /** Rate limit, busy, and an image upload Zalo dropped early (a new attempt uploads it again). */
    private static final Set<Integer> TRANSIENT = Set.of(-32, -200, -100);
    private static final Set<Integer> TOKEN = Set.of(-216, -220, -124);
    /** The message fell in the billed window (48 h to 7 days) and the OA cannot pay for it. */
    private static final Set<Integer> NOT_PAID = Set.of(-320, -321);
    /** The user cannot be reached (window closed, blocked, unfollowed, banned). */
    private static final Set<Integer> UNREACHABLE = Set.of(-230, -232, -213, -217, -227, -244);
    /** Final refusals: the user cannot be reached, or the payload is invalid (-201). */
    private static final Set<Integer> FINAL = Set.of(-230, -232, -213, -217, -227, -244, -201);

    /** The user cannot be reached at all (window closed, blocked, unfollowed, banned): no other message would pass. */
    public static boolean unreachable(ZaloResponse r) {
        return UNREACHABLE.contains(r.error());
    }

    public static Action classify(ZaloResponse r) {
        if (r.httpStatus() >= 500 || r.httpStatus() == 429 || r.error() == ZaloResponse.UNREADABLE) return Action.RETRY;
        if (TRANSIENT.contains(r.error())) return Action.RETRY;
        if (TOKEN.contains(r.error())) return Action.TOKEN;
        if (r.error() == -234) return Action.NIGHT;
        if (NOT_PAID.contains(r.error())) return Action.NOT_PAID;
        if (FINAL.contains(r.error())) return Action.GIVE_UP;
        return Action.UNEXPECTED;
    }
}
