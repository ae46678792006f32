package vn.cdsbot.feature;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.Period;

/**
 * A line one feature adds under another's summary of a unit's subtree for a period (#tonghop), and optionally a sheet
 * in the spreadsheet of the same (#xuat): the summary does not need to know the feature, the feature does not need to
 * know the summary.
 */
@FunctionalInterface
public interface ScopeNote {
    Optional<String> note(Connection tx, UnitTree tree, Unit scope, Period period) throws SQLException;

    /** The sheet for #xuat; none by default. */
    default Optional<ScopeTable> table(Connection tx, UnitTree tree, Unit scope, Period period) throws SQLException {
        return Optional.empty();
    }
}
