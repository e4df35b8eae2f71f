package dev.reportgateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

/**
 * The {@code price_list} and {@code price_list_version} tables: every version of a price list, numbered per name
 * from 1. A version is never changed; a name deleted and put again goes on from its last number, so that a
 * version number an invoice names always meant the same prices.
 */
@Singleton
public class PriceListStore {

    /** One stored version: its items as the JSON they were stored as. */
    public record Version(String name, int version, Instant createdAt, String createdBy, String digest, String items) {
    }

    /** One price list in the list of them: its latest version, how many versions it keeps and when it last changed. */
    public record Summary(String name, int latestVersion, int versions, Instant updatedAt) {
    }

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String VERSION_COLUMNS = "name, version, created_at, created_by, digest, items";

    private final Database database;

    PriceListStore(Database database) {
        this.database = database;
    }

    /** Stores {@code items} as the next version of {@code name} and answers it. */
    public Version add(String name, String items, String digest, String createdBy, Instant createdAt) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                int version = nextVersion(connection, name);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO price_list_version (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setInt(2, version);
                    RunStore.setInstant(insert, 3, createdAt);
                    insert.setString(4, createdBy);
                    insert.setString(5, digest);
                    insert.setString(6, items);
                    insert.executeUpdate();
                }
                connection.commit();
                return new Version(name, version, createdAt, createdBy, digest, items);
            } catch (SQLException failed) {
                connection.rollback();
                if (UNIQUE_VIOLATION.equals(failed.getSQLState())) { // another replica made the name's first version
                    return add(name, items, digest, createdBy, createdAt);
                }
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException failed) {
            throw new StoreException("Cannot store price list " + name, failed);
        }
    }

    /** The version asked for, or the latest one when {@code version} is null; empty when there is none. */
    public Optional<Version> find(String name, Integer version) {
        String sql = "SELECT v.name, v.version, v.created_at, v.created_by, v.digest, v.items FROM price_list_version v"
                + " JOIN price_list p ON p.name = v.name AND p.deleted = FALSE WHERE v.name = ?"
                + (version == null ? " AND v.version = p.latest_version" : " AND v.version = ?");
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, name);
            if (version != null) {
                select.setInt(2, version);
            }
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Version(rows.getString(1), rows.getInt(2), RunStore.instant(rows, "created_at"), rows.getString(4),
                        rows.getString(5), rows.getString(6)));
            }
        } catch (SQLException failed) {
            throw new StoreException("Cannot read price list " + name, failed);
        }
    }

    /** Every price list that is not deleted, by name. */
    public List<Summary> list() {
        String sql = "SELECT p.name, p.latest_version, COUNT(v.version), MAX(v.created_at) AS updated_at FROM price_list p"
                + " JOIN price_list_version v ON v.name = p.name WHERE p.deleted = FALSE"
                + " GROUP BY p.name, p.latest_version ORDER BY p.name";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            List<Summary> lists = new ArrayList<>();
            while (rows.next()) {
                lists.add(new Summary(rows.getString(1), rows.getInt(2), rows.getInt(3), RunStore.instant(rows, "updated_at")));
            }
            return lists;
        } catch (SQLException failed) {
            throw new StoreException("Cannot list price lists", failed);
        }
    }

    /** Deletes every version of {@code name}; false when there was no such price list. */
    public boolean delete(String name) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement mark = connection.prepareStatement(
                    "UPDATE price_list SET deleted = TRUE WHERE name = ? AND deleted = FALSE");
                    PreparedStatement delete = connection.prepareStatement("DELETE FROM price_list_version WHERE name = ?")) {
                mark.setString(1, name);
                if (mark.executeUpdate() == 0) {
                    connection.rollback();
                    return false;
                }
                delete.setString(1, name);
                delete.executeUpdate();
                connection.commit();
                return true;
            } catch (SQLException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException failed) {
            throw new StoreException("Cannot delete price list " + name, failed);
        }
    }

    /** Takes the name's next version number (its row stays locked until the transaction ends). */
    private static int nextVersion(Connection connection, String name) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement(
                "UPDATE price_list SET latest_version = latest_version + 1, deleted = FALSE WHERE name = ?")) {
            bump.setString(1, name);
            if (bump.executeUpdate() == 0) {
                try (PreparedStatement first = connection.prepareStatement(
                        "INSERT INTO price_list (name, latest_version, deleted) VALUES (?, 1, FALSE)")) {
                    first.setString(1, name);
                    first.executeUpdate();
                    return 1;
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT latest_version FROM price_list WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
