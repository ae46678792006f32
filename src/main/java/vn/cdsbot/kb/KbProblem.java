package vn.cdsbot.kb;

import java.nio.file.Path;

/** A problem found in a knowledge-base file, reported as {@code file:line: level: message}. */
public record KbProblem(Path file, int line, Level level, String message) {
    public enum Level { ERROR, WARNING }

    static KbProblem error(Path file, int line, String message) {
        return new KbProblem(file, line, Level.ERROR, message);
    }

    static KbProblem warning(Path file, int line, String message) {
        return new KbProblem(file, line, Level.WARNING, message);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + Math.max(line, 1) + ": " + (isError() ? "error" : "warning") + ": " + message;
    }
}
