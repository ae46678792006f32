package vn.cdsbot.chat;

import java.sql.Connection;
import java.util.List;

/** Answers anything that is not a command. */
@FunctionalInterface
public interface QuestionAnswerer {
    List<Reply> answer(Incoming message, Sender sender, Connection tx) throws Exception;
}
