package vn.cdsbot.feature;

import io.javalin.Javalin;
import java.util.List;
import vn.cdsbot.chat.Command;
import vn.cdsbot.storage.PersonalData;

/**
 * What a feature contributes to the running bot: its chat commands, the erasers of what it keeps about a person,
 * its periodic jobs and its web routes. {@code App} builds each feature and wires the list, so reading App shows
 * every feature, and every feature plugs in the same way.
 */
public interface Feature extends AutoCloseable {
    /** Chat commands; the router checks each command's roles before calling it. */
    List<Command> commands();

    /** Run in one transaction when a person withdraws (user_withdraw): each erases what its feature keeps. */
    List<PersonalData> personalData();

    /** Periodic jobs, each run every 30 s on the scheduler thread; a failure is logged and the next run goes on. */
    default List<Runnable> schedules() {
        return List.of();
    }

    /** The web routes the feature serves. */
    default void routes(Javalin web) {
    }

    @Override
    default void close() {
    }
}
