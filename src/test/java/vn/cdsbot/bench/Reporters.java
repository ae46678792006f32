package vn.cdsbot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import vn.cdsbot.chat.Role;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.people.Invites;
import vn.cdsbot.people.People;
import vn.cdsbot.storage.Database;

/**
 * Team members who report by chat during the load. Their invite codes are issued as #moi and the operator's
 * {@code invite} do, and they enrol by sending {@code #dangky CODE}. Each member then alternates a one-line
 * {@code #baocao …} and {@code #xacnhan}; members are taken in turn, so one member's messages are seconds apart
 * and stay under the per-user rate limit.
 */
final class Reporters {
    private final List<String> users;
    private final AtomicLong turns = new AtomicLong();

    private Reporters(List<String> users) {
        this.users = List.copyOf(users);
    }

    /** An invite code for each of {@code count} members, spread over the reporting units; user id → code. */
    static List<String[]> invite(BotConfig config, Database db, String prefix, int count) throws IOException {
        People.syncUnits(config, db, Clock.systemUTC());
        List<String> units = reportingUnits(config);
        List<String[]> out = new ArrayList<>();
        db.inTransaction(tx -> {
            for (int i = 0; i < count; i++) {
                String unit = units.get(i % units.size());
                String code = Invites.create(tx, unit, Role.MEMBER, 1, 7, "bench", System.currentTimeMillis()).get(0);
                out.add(new String[] {prefix + i, code});
            }
            return null;
        });
        return out;
    }

    static Reporters of(List<String[]> invited) {
        return new Reporters(invited.stream().map(a -> a[0]).toList());
    }

    int size() {
        return users.size();
    }

    /** The next report message: which member sends it and what. */
    String[] next() {
        long turn = turns.getAndIncrement();
        String user = users.get((int) (turn % users.size()));
        if ((turn / users.size()) % 2 == 1) return new String[] {user, "#xacnhan"};
        ThreadLocalRandom r = ThreadLocalRandom.current();
        // Plausible figures (under the plausibility minimum of 50, each count within the people helped), so #xacnhan
        // stores the report without a second question.
        String text = switch (r.nextInt(3)) {
            case 0 -> "#baocao hotro=" + (10 + r.nextInt(40)) + " vneid=" + r.nextInt(10);
            case 1 -> "#báo cáo hỗ trợ " + (10 + r.nextInt(40)) + ", vneid " + r.nextInt(10) + ", dvc " + r.nextInt(10);
            default -> "/baocao hotro=" + (10 + r.nextInt(40)) + " thanhtoan=" + r.nextInt(10) + " tuyentruyen=" + r.nextInt(5);
        };
        return new String[] {user, text};
    }

    private static List<String> reportingUnits(BotConfig config) throws IOException {
        List<String> codes = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(config.units().file()))) {
            String[] f = line.split(",");
            if (f.length == 4 && config.units().reportingKinds().contains(f[3].strip())) codes.add(f[0].strip());
        }
        if (codes.isEmpty()) throw new IllegalStateException("no reporting units in " + config.units().file());
        return codes;
    }
}
