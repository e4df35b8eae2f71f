package dev.reportgateway.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

/**
 * The {@code billing_usage_row} table: a run's rows, written in batches as a report is parsed and read back as a
 * stream in the order they were parsed. Neither side holds more than one batch in memory.
 */
@Singleton
public class UsageRowStore {

    private final Database database;

    UsageRowStore(Database database) {
        this.database = database;
    }

    /** Deletes every row of a run (before a parse starts over). */
    public void deleteRows(String runId) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM billing_usage_row WHERE run_id = ?")) {
            delete.setString(1, runId);
            delete.executeUpdate();
        } catch (SQLException failed) {
            throw new StoreException("Cannot delete the usage rows of billing run " + runId, failed);
        }
    }

    /** Opens a writer that inserts a run's rows, committing every {@code batchSize} rows. */
    public Writer writer(String runId, int batchSize) {
        try {
            return new Writer(database.dataSource().getConnection(), runId, batchSize);
        } catch (SQLException failed) {
            throw new StoreException("Cannot open the database", failed);
        }
    }

    /**
     * Feeds a run's rows to {@code sink} in the order they were parsed, those of one tenant (lower case) only when
     * {@code tenantId} is not null.
     */
    public void read(String runId, String tenantId, Consumer<UsageRowRecord> sink) {
        String sql = "SELECT row_no, tenant_id, tenant_name, tenant_kind, offering_item, sku, billable_quantity, billable_unit, row_json"
                + " FROM billing_usage_row WHERE run_id = ?" + (tenantId == null ? "" : " AND LOWER(tenant_id) = ?") + " ORDER BY row_no";
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setFetchSize(1000);
                select.setString(1, runId);
                if (tenantId != null) {
                    select.setString(2, tenantId);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(new UsageRowRecord(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getBigDecimal(7), rows.getString(8), rows.getString(9)));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException failed) {
            throw new StoreException("Cannot read the usage rows of billing run " + runId, failed);
        }
    }

    /** One tenant's billable quantity of one offering item and SKU in one billing unit, summed over its rows. */
    public record BillableTotal(String tenantId, String tenantName, String offeringItem, String sku, String unit,
            BigDecimal quantity) {
    }

    /**
     * The run's billable quantities of tenants of kind {@code kind}, summed by the database per tenant × offering item
     * × SKU × billing unit (those of one tenant when {@code tenantId} is not null), in no particular order.
     */
    public List<BillableTotal> billableTotals(String runId, String kind, String tenantId) {
        String sql = "SELECT tenant_id, MAX(tenant_name), offering_item, sku, billable_unit, SUM(billable_quantity)"
                + " FROM billing_usage_row WHERE run_id = ? AND tenant_kind = ?" + (tenantId == null ? "" : " AND LOWER(tenant_id) = ?")
                + " GROUP BY tenant_id, offering_item, sku, billable_unit";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, runId);
            select.setString(2, kind);
            if (tenantId != null) {
                select.setString(3, tenantId);
            }
            List<BillableTotal> totals = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    totals.add(new BillableTotal(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getBigDecimal(6)));
                }
            }
            return totals;
        } catch (SQLException failed) {
            throw new StoreException("Cannot add up the usage rows of billing run " + runId, failed);
        }
    }

    /**
     * Inserts rows in batches, each batch its own transaction; {@link #flush} writes the last one, {@link #close}
     * drops the rows added since the last commit.
     */
    public static final class Writer implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement insert;
        private final int batchSize;
        private final String runId;
        private int pending;

        Writer(Connection connection, String runId, int batchSize) throws SQLException {
            this.connection = connection;
            this.runId = runId;
            this.batchSize = batchSize;
            connection.setAutoCommit(false);
            this.insert = connection.prepareStatement("INSERT INTO billing_usage_row (run_id, row_no, tenant_id, tenant_name, "
                    + "tenant_kind, offering_item, sku, billable_quantity, billable_unit, row_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        /** Adds a row; true when a batch was committed with it. */
        public boolean add(UsageRowRecord row) {
            try {
                insert.setString(1, runId);
                insert.setLong(2, row.rowNo());
                insert.setString(3, row.tenantId());
                insert.setString(4, row.tenantName());
                insert.setString(5, row.tenantKind());
                insert.setString(6, row.offeringItem());
                insert.setString(7, row.sku());
                insert.setBigDecimal(8, row.billableQuantity());
                insert.setString(9, row.billableUnit());
                insert.setString(10, row.json());
                insert.addBatch();
                if (++pending < batchSize) {
                    return false;
                }
                flush();
                return true;
            } catch (SQLException failed) {
                throw new StoreException("Cannot store usage rows of billing run " + runId, failed);
            }
        }

        /** Commits the rows added so far. */
        public void flush() {
            try {
                if (pending > 0) {
                    insert.executeBatch();
                    connection.commit();
                    pending = 0;
                }
            } catch (SQLException failed) {
                throw new StoreException("Cannot store usage rows of billing run " + runId, failed);
            }
        }

        @Override
        public void close() {
            try (connection; insert) {
                connection.rollback();
            } catch (SQLException failed) {
                throw new StoreException("Cannot close the usage rows of billing run " + runId, failed);
            }
        }
    }
}
