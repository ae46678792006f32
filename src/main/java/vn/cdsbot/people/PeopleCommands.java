package vn.cdsbot.people;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.CommandCall;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.messaging.Outbox;

/** #dangky, #toi, #moi, #thanhvien, #thuhoi, #doivaitro. Roles are checked by the router; scope here. */
final class PeopleCommands {
    private static final int CHAT_INVITE_MAX = 20;
    private static final int LIST_MAX = 80;

    private final ZoneId zone;
    private final int inviteDays;

    PeopleCommands(ZoneId zone, int inviteDays) {
        this.zone = zone;
        this.inviteDays = inviteDays;
    }

    List<Command> all() {
        EnumSet<Role> leaders = EnumSet.of(Role.LEADER, Role.SECRETARIAT, Role.ADMIN);
        EnumSet<Role> office = EnumSet.of(Role.SECRETARIAT, Role.ADMIN);
        return List.of(
                new Command("dangky", List.of("dang ky", "dangki", "dang ki"), Command.everyone(),
                        "#dangky MÃ_MỜI — đăng ký vào tổ bằng mã mời", this::dangky),
                new Command("toi", List.of("toi la ai", "thong tin"), Command.everyone(),
                        "#toi — xem tên, đơn vị, vai trò của bạn", this::toi),
                new Command("moi", List.of("moi thanh vien"), leaders,
                        "#moi MÃ_ĐƠN_VỊ VAI_TRÒ [SỐ_LƯỢNG] — tạo mã mời đăng ký", this::moi),
                new Command("thanhvien", List.of("danh sach thanh vien"), leaders,
                        "#thanhvien [MÃ_ĐƠN_VỊ] — danh sách thành viên đã đăng ký", this::thanhvien),
                new Command("thuhoi", List.of("thu hoi"), office,
                        "#thuhoi MÃ_THÀNH_VIÊN — thu hồi quyền của một thành viên", this::thuhoi),
                new Command("doivaitro", List.of("doi vai tro"), office,
                        "#doivaitro MÃ_THÀNH_VIÊN VAI_TRÒ [MÃ_ĐƠN_VỊ] — đổi vai trò hoặc đơn vị", this::doivaitro));
    }

    private static List<Reply> say(String text) {
        return List.of(Reply.text(text));
    }

    private List<Reply> dangky(CommandCall call) throws SQLException {
        Connection tx = call.tx();
        String user = call.sender().userId();
        long now = call.message().at().toEpochMilli();
        String typed = call.args().strip();
        if (typed.isEmpty()) return say(PeopleTexts.DANGKY_USAGE);
        UnitTree tree = UnitTree.load(tx);
        Optional<Member> current = Members.findActive(tx, user);
        if (current.isPresent()) {
            return say(PeopleTexts.alreadyEnrolled(current.get(), unitOf(tree, current.get().unitCode())));
        }
        Invites.Redemption r = Invites.redeem(tx, typed, user, now,
                code -> tree.find(code).map(Unit::active).orElse(false));
        if (r instanceof Invites.Redemption.Accepted a) {
            Member m = Members.enrol(tx, user, a.invite().unitCode(), a.invite().role(), now);
            Audit.record(tx, now, user, "member.enrol", user,
                    "unit=" + m.unitCode() + " role=" + m.role().code() + " member=" + m.tag());
            List<Button> buttons = m.role() == Role.MEMBER || m.role() == Role.LEADER
                    ? List.of(Button.query("Báo cáo tuần", "#baocao"), Button.query("Xem các lệnh", "#trogiup"))
                    : List.of(Button.query("Xem các lệnh", "#trogiup"));
            return List.of(Reply.text(PeopleTexts.welcome(m, unitOf(tree, m.unitCode())), buttons));
        }
        if (r instanceof Invites.Redemption.Expired e) return say(PeopleTexts.codeExpired(e.expiredAt(), zone));
        if (r instanceof Invites.Redemption.AlreadyUsed) return say(PeopleTexts.CODE_USED);
        if (r instanceof Invites.Redemption.UnitClosed c) return say(PeopleTexts.unitClosed(c.unitCode()));
        return say(PeopleTexts.unknownCode(Invites.normalize(typed)));
    }

    private List<Reply> toi(CommandCall call) throws SQLException {
        Optional<Member> m = Members.findActive(call.tx(), call.sender().userId());
        if (m.isEmpty()) return say(PeopleTexts.TOI_CITIZEN);
        UnitTree tree = UnitTree.load(call.tx());
        Unit unit = unitOf(tree, m.get().unitCode());
        return say(PeopleTexts.toi(m.get(), unit, tree.parent(unit).orElse(null), zone));
    }

    /** What #moi's arguments say; {@code problem} is set when they cannot be understood. */
    private record InviteArgs(Unit unit, Role role, int count, String problem) {}

    private static InviteArgs parseInviteArgs(String args, UnitTree tree) {
        String[] tokens = args.strip().isEmpty() ? new String[0] : args.strip().split("\\s+");
        Unit unit = null;
        Role role = null;
        int count = 1;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            Optional<Unit> u = tree.find(t);
            if (u.isPresent()) {
                unit = u.get();
            } else if (t.matches("\\d{1,3}")) {
                count = Integer.parseInt(t);
            } else if (Role.parse(t).isPresent()) {
                role = Role.parse(t).get();
            } else if (i + 1 < tokens.length && Role.parse(t + tokens[i + 1]).isPresent()) {
                role = Role.parse(t + tokens[i + 1]).get();
                i++;
            } else {
                return new InviteArgs(null, null, 0, unit == null && role == null
                        ? PeopleTexts.unknownUnit(t) : PeopleTexts.MOI_USAGE);
            }
        }
        return new InviteArgs(unit, role, count, null);
    }

    private List<Reply> moi(CommandCall call) throws SQLException {
        Connection tx = call.tx();
        Role own = call.sender().role();
        long now = call.message().at().toEpochMilli();
        UnitTree tree = UnitTree.load(tx);
        InviteArgs a = parseInviteArgs(call.args(), tree);
        if (a.problem() != null) return say(a.problem());
        Unit ownUnit = unitOf(tree, call.sender().unitCode());
        Unit unit = a.unit() != null ? a.unit() : ownUnit;
        Role role = a.role();
        if (role == null && own == Role.LEADER) role = Role.MEMBER;
        if (role == null) return say(PeopleTexts.MOI_NEED_ROLE);
        if (role == Role.CITIZEN) return say(PeopleTexts.MOI_NO_CITIZEN);
        if (own == Role.LEADER) {
            // Their own team, or a team under it (a commune leader invites the members of its hamlets).
            if (!tree.within(ownUnit, unit)) return say(PeopleTexts.leaderOwnUnitOnly(ownUnit));
            if (role != Role.MEMBER) return say(PeopleTexts.LEADER_MEMBERS_ONLY);
        }
        if (role.compareTo(own) > 0) return say(PeopleTexts.roleAboveOwn(role, own));
        if (!unit.active()) return say(PeopleTexts.inactiveUnit(unit));
        if (a.count() < 1 || a.count() > CHAT_INVITE_MAX) return say(PeopleTexts.countRange(CHAT_INVITE_MAX));
        List<String> codes = Invites.create(tx, unit.code(), role, a.count(), inviteDays, call.sender().userId(), now);
        Audit.record(tx, now, call.sender().userId(), "invite.create", unit.code(),
                "role=" + role.code() + " count=" + codes.size() + " days=" + inviteDays);
        return say(PeopleTexts.invited(codes, role, unit, now + inviteDays * 86_400_000L, zone));
    }

    private List<Reply> thanhvien(CommandCall call) throws SQLException {
        Connection tx = call.tx();
        UnitTree tree = UnitTree.load(tx);
        Unit ownUnit = unitOf(tree, call.sender().unitCode());
        String arg = call.args().strip();
        Unit scope = ownUnit;
        if (!arg.isEmpty()) {
            Optional<Unit> u = tree.find(arg.split("\\s+")[0]);
            if (u.isEmpty()) return say(PeopleTexts.unknownUnit(arg.split("\\s+")[0]));
            scope = u.get();
        }
        if (!tree.visible(call.sender(), scope)) {
            return say(PeopleTexts.outsideScope(ownUnit));
        }
        List<Unit> units = tree.activeSubtree(scope.code());
        Map<String, Unit> byCode = new LinkedHashMap<>();
        for (Unit u : units) byCode.put(u.code(), u);
        List<Member> members = Members.activeIn(tx, byCode.keySet());
        List<String> lines = new ArrayList<>();
        for (Member m : members) {
            if (lines.size() >= LIST_MAX) break;
            lines.add("• " + m.label() + " — " + m.role().label() + ", " + byCode.get(m.unitCode()).label());
        }
        return say(PeopleTexts.membersOf(scope, lines, members.size(), lines.size()));
    }

    /** Finds exactly one active member or explains why not. */
    private record Target(Member member, String problem) {}

    private static Target target(Connection tx, String who) throws SQLException {
        List<Member> found = Members.search(tx, who);
        if (found.isEmpty()) return new Target(null, PeopleTexts.noSuchMember(who));
        if (found.size() > 1) return new Target(null, PeopleTexts.ambiguous(who, found));
        return new Target(found.get(0), null);
    }

    private List<Reply> thuhoi(CommandCall call) throws SQLException {
        Connection tx = call.tx();
        String who = call.args().strip();
        if (who.isEmpty()) return say(PeopleTexts.THUHOI_USAGE);
        Target t = target(tx, who);
        if (t.problem() != null) return say(t.problem());
        Member m = t.member();
        String actor = call.sender().userId();
        if (m.userId().equals(actor)) return say(PeopleTexts.NOT_SELF);
        if (m.role().compareTo(call.sender().role()) > 0) return say(PeopleTexts.targetAboveOwn(m, call.sender().role()));
        long now = call.message().at().toEpochMilli();
        Members.revoke(tx, m.userId(), now);
        Audit.record(tx, now, actor, "member.revoke", m.userId(),
                "unit=" + m.unitCode() + " role=" + m.role().code() + " member=" + m.tag());
        Unit unit = unitOf(UnitTree.load(tx), m.unitCode());
        Outbox.enqueue(tx, m.userId(), null, say(PeopleTexts.revokedNotice(unit)), now);
        return say(PeopleTexts.revoked(m, unit));
    }

    private List<Reply> doivaitro(CommandCall call) throws SQLException {
        Connection tx = call.tx();
        UnitTree tree = UnitTree.load(tx);
        List<String> tokens = new ArrayList<>(List.of(call.args().strip().split("\\s+")));
        tokens.removeIf(String::isEmpty);
        Unit newUnit = null;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Optional<Unit> u = tree.find(tokens.get(i));
            if (u.isPresent() && i > 0) {
                newUnit = u.get();
                tokens.remove(i);
                break;
            }
        }
        Role role = null;
        if (tokens.size() >= 3) role = Role.parse(tokens.get(tokens.size() - 2) + tokens.get(tokens.size() - 1)).orElse(null);
        if (role != null) {
            tokens.subList(tokens.size() - 2, tokens.size()).clear();
        } else if (tokens.size() >= 2) {
            role = Role.parse(tokens.get(tokens.size() - 1)).orElse(null);
            if (role != null) tokens.remove(tokens.size() - 1);
        }
        if (role == null || tokens.isEmpty()) return say(PeopleTexts.DOIVAITRO_USAGE);
        if (role == Role.CITIZEN) return say(PeopleTexts.USE_THUHOI);
        Target t = target(tx, String.join(" ", tokens));
        if (t.problem() != null) return say(t.problem());
        Member m = t.member();
        Role own = call.sender().role();
        String actor = call.sender().userId();
        if (m.userId().equals(actor)) return say(PeopleTexts.NOT_SELF);
        if (m.role().compareTo(own) > 0) return say(PeopleTexts.targetAboveOwn(m, own));
        if (role.compareTo(own) > 0) return say(PeopleTexts.roleAboveOwn(role, own));
        Unit unit = newUnit != null ? newUnit : unitOf(tree, m.unitCode());
        if (!unit.active()) return say(PeopleTexts.inactiveUnit(unit));
        if (role == m.role() && unit.code().equals(m.unitCode())) return say(PeopleTexts.nothingChanged(m, unit));
        long now = call.message().at().toEpochMilli();
        Members.change(tx, m.userId(), role, unit.code());
        Audit.record(tx, now, actor, "member.change", m.userId(), "member=" + m.tag() + " role: " + m.role().code()
                + " -> " + role.code() + "; unit: " + m.unitCode() + " -> " + unit.code());
        Outbox.enqueue(tx, m.userId(), null, say(PeopleTexts.changedNotice(role, unit)), now);
        return say(PeopleTexts.changed(m, role, unit));
    }

    /** A member's unit always exists (units are never deleted); an unknown code would be a bug. */
    static Unit unitOf(UnitTree tree, String code) {
        return tree.find(code).orElseThrow(() -> new IllegalStateException("member of unknown unit " + code));
    }
}
