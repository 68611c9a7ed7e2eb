package dev.migrate.autogenerate;

import dev.migrate.database.Dialect;
import dev.migrate.schema.DbObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Which sequences belong to a column: those of identity columns come and go with the column, and
 * those of serial columns ({@code OWNED BY}) are dropped with their table. The snapshot does not
 * hold this (verify compares what users see), so autogenerate reads it beside the snapshot.
 *
 * @param owners sequence -> the column that owns it
 */
record SequenceOwners(Map<DbObject, Owner> owners) {

    /** The column a sequence belongs to; {@code identity} when it is an identity column's own sequence. */
    record Owner(DbObject table, String column, boolean identity) {
    }

    SequenceOwners {
        owners = Map.copyOf(owners);
    }

    static final SequenceOwners NONE = new SequenceOwners(Map.of());


    /** The sequence owners of the scratch database {@code workbench}. */
    static SequenceOwners read(dev.migrate.scratch.Workbench workbench) throws SQLException {
        try (Connection connection = workbench.connection()) {
            return read(connection, workbench.dialect());
        }
    }

    static SequenceOwners read(Connection connection, Dialect dialect) throws SQLException {
        String query = dialect.sequenceOwnersQuery();
        if (query == null) {
            return NONE;
        }
        Map<DbObject, Owner> owners = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                owners.put(new DbObject(DbObject.Kind.SEQUENCE, rs.getString(1), null, rs.getString(2)),
                        new Owner(new DbObject(DbObject.Kind.TABLE, rs.getString(3), null, rs.getString(4)),
                                rs.getString(5), "i".equals(rs.getString(6))));
            }
        }
        return new SequenceOwners(owners);
    }

    Owner of(DbObject sequence) {
        return owners.get(sequence);
    }

    boolean isIdentity(DbObject sequence) {
        Owner owner = owners.get(sequence);
        return owner != null && owner.identity();
    }
}
