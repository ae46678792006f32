package vn.cdsbot.chat;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A chat command: its word (folded, without '#'), other words that mean the same, who may use it,
 * the help line shown to those who may (none for commands that only buttons send), and what it does.
 */
public record Command(String name, List<String> aliases, Set<Role> allowed, String help, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        List<Reply> handle(CommandCall call) throws Exception;
    }

    public Command {
        Objects.requireNonNull(name, "name == null");
        aliases = List.copyOf(aliases);
        allowed = Set.copyOf(allowed.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(allowed));
        Objects.requireNonNull(help, "help == null");
        Objects.requireNonNull(handler, "handler == null");
    }

    /** A command that only buttons send (hidden, {@code oa.query.hide}): it works when typed but #trogiup omits it. */
    public static Command forButtons(String name, Set<Role> allowed, Handler handler) {
        return new Command(name, List.of(), allowed, "", handler);
    }

    /** Listed in #trogiup. */
    public boolean listed() {
        return !help.isEmpty();
    }

    public static Set<Role> everyone() {
        return EnumSet.allOf(Role.class);
    }

    public static Set<Role> atLeast(Role role) {
        return EnumSet.range(role, Role.ADMIN);
    }
}
