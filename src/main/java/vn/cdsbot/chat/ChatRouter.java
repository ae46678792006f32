package vn.cdsbot.chat;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns one incoming text into replies: a '#' or '/' command goes to its handler after the role check
 * (the only place roles are checked), anything else to the knowledge base.
 */
public final class ChatRouter {
    private static final int MAX_COMMAND_WORDS = 3;

    private final Map<String, Command> byWord = new HashMap<>();
    private final List<Command> commands;
    private final SenderResolver senders;
    private final QuestionAnswerer answerer;
    private final Clock clock;
    private final Optional<FileIntake> files;

    public ChatRouter(List<Command> commands, SenderResolver senders, QuestionAnswerer answerer, Clock clock) {
        this(commands, senders, answerer, clock, Optional.empty());
    }

    /** @param files where files sent in chat go, when a feature takes them */
    public ChatRouter(List<Command> commands, SenderResolver senders, QuestionAnswerer answerer, Clock clock,
                      Optional<FileIntake> files) {
        this.files = files;
        this.senders = senders;
        this.answerer = answerer;
        this.clock = clock;
        List<Command> all = new ArrayList<>(commands);
        all.add(0, new Command("trogiup", List.of("help", "huongdan", "tro giup"), Command.everyone(),
                "#trogiup — xem các lệnh bạn dùng được", this::help));
        this.commands = List.copyOf(all);
        for (Command c : this.commands) {
            register(c.name(), c);
            c.aliases().forEach(a -> register(a, c));
        }
    }

    private void register(String word, Command c) {
        String key = Texts.fold(word).replace(" ", "");
        Command previous = byWord.putIfAbsent(key, c);
        if (previous != null && previous != c) {
            throw new IllegalArgumentException("command word '" + key + "' used by both " + previous.name() + " and " + c.name());
        }
    }

    public List<Reply> handle(Incoming message, Connection tx) throws Exception {
        Sender sender = senders.resolve(message.userId(), tx);
        if (!message.files().isEmpty()) {
            if (files.isPresent() && files.get().roles().contains(sender.role())) return files.get().handle(message, sender, tx);
            return List.of(Reply.text(ChatTexts.fileRefused(sender, files.map(FileIntake::roles).orElse(java.util.Set.of()))));
        }
        String text = message.text().strip();
        if (!isCommand(text)) {
            return answerer.answer(message, sender, tx);
        }
        String[] words = text.substring(1).strip().split("\\s+");
        Optional<Match> match = match(words);
        if (match.isEmpty()) {
            return List.of(Reply.text(ChatTexts.unknownCommand(words.length == 0 ? "" : words[0])));
        }
        Command command = match.get().command();
        if (!command.allowed().contains(sender.role())) {
            return List.of(Reply.text(ChatTexts.refused(sender, command)));
        }
        String args = String.join(" ", Arrays.copyOfRange(words, match.get().wordsUsed(), words.length));
        try {
            return command.handler().handle(new CommandCall(message, sender, command.name(), args, tx, clock.instant()));
        } catch (UserError e) {
            return List.of(Reply.text(e.getMessage()));
        }
    }

    /** Whether the user is an enrolled member (any role above citizen). */
    public boolean isEnrolled(String userId, Connection tx) {
        return senders.resolve(userId, tx).enrolled();
    }

    /** Whether files from this user are to be downloaded (their role may send files); read before any transaction. */
    public boolean takesFilesFrom(String userId, Connection c) {
        return files.isPresent() && files.get().roles().contains(senders.resolve(userId, c).role());
    }

    public static boolean isCommand(String text) {
        return text.length() > 1 && (text.charAt(0) == '#' || text.charAt(0) == '/');
    }

    /** Longest run of leading words that names a command, so "#báo cáo tuần 46" finds "baocao". */
    private Optional<Match> match(String[] words) {
        StringBuilder joined = new StringBuilder();
        Match best = null;
        for (int i = 0; i < Math.min(MAX_COMMAND_WORDS, words.length); i++) {
            joined.append(Texts.fold(words[i]));
            Command c = byWord.get(joined.toString());
            if (c != null) best = new Match(c, i + 1);
        }
        return Optional.ofNullable(best);
    }

    private record Match(Command command, int wordsUsed) {}

    private List<Reply> help(CommandCall call) {
        String lines = commands.stream()
                .filter(c -> c.listed() && c.allowed().contains(call.sender().role()))
                .map(Command::help)
                .collect(Collectors.joining("\n"));
        return List.of(Reply.text(ChatTexts.help(call.sender(), lines)));
    }
}
