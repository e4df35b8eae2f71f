package dev.reportgateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

/**
 * The {@code billing_run} table. Every write of a running run is fenced by its lease: {@link #save} changes the
 * row only while the caller still holds it, so a replica that lost its lease (paused, cut off) cannot overwrite
 * the work of the one that took the run over.
 */
@Singleton
public class RunStore {

    /** Statuses a worker picks up. */
    public static final List<String> ACTIVE = List.of("queued", "creating", "generating", "downloading", "parsing");

    private static final String COLUMNS = "id, tenant_id, period_start, period_end, report_level, keep_report, status, live_key, "
            + "created_by, created_at, updated_at, stage_started_at, finished_at, deadline_at, reports_before, report_id, "
            + "report_version, report_deleted, stored_report_id, report_format, polls, attempts, next_attempt_at, "
            + "bytes_downloaded, rows_parsed, warnings, cancel_requested, failed_stage, retryable, problem, lease_owner, lease_until";
    private static final String UPDATE = "UPDATE billing_run SET status = ?, live_key = ?, updated_at = ?, stage_started_at = ?, "
            + "finished_at = ?, reports_before = ?, report_id = ?, report_version = ?, report_deleted = ?, stored_report_id = ?, "
            + "report_format = ?, polls = ?, attempts = ?, next_attempt_at = ?, bytes_downloaded = ?, rows_parsed = ?, "
            + "warnings = ?, failed_stage = ?, retryable = ?, problem = ?, lease_owner = ?, lease_until = ? "
            + "WHERE id = ? AND lease_owner = ?";
    private static final String ACTIVE_LIST = "'queued', 'creating', 'generating', 'downloading', 'parsing'";
    /**
     * A finished run whose upstream report is still to be deleted, and due: {@code next_attempt_at} is set when a
     * run finishes and cleared when its report is gone or the platform refused the delete for good.
     */
    private static final String CLEANUP_PENDING = "(status IN ('done', 'failed', 'cancelled') AND report_id IS NOT NULL"
            + " AND report_deleted = FALSE AND (keep_report = FALSE OR status = 'cancelled') AND next_attempt_at IS NOT NULL)";
    private static final String CLEANUP_DUE = "(" + CLEANUP_PENDING + " AND next_attempt_at <= ?)";
    /** The SQL state of a unique constraint violation, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    RunStore(Database database) {
        this.database = database;
    }

    /** A run inserted, or the live run of the same tenant, period and level that was there first. */
    public record Inserted(RunRow run, boolean created) {
    }

    /** Inserts {@code run} unless a live run has its {@code liveKey}; then answers that one. */
    public Inserted insertOrFindLive(RunRow run) {
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO billing_run (" + COLUMNS + ") VALUES ("
                    + "?, ".repeat(31) + "?)")) {
                bindAll(insert, run);
                insert.executeUpdate();
                return new Inserted(run, true);
            } catch (SQLException duplicate) {
                if (!UNIQUE_VIOLATION.equals(duplicate.getSQLState()) || run.liveKey == null) {
                    throw duplicate;
                }
            }
            Optional<RunRow> live = one(connection, "SELECT " + COLUMNS + " FROM billing_run WHERE live_key = ?", run.liveKey);
            if (live.isEmpty()) { // it failed or was cancelled in between: try once more
                return insertOrFindLive(run);
            }
            return new Inserted(live.get(), false);
        } catch (SQLException failed) {
            throw new StoreException("Cannot store billing run", failed);
        }
    }

    public Optional<RunRow> find(String id) {
        try (Connection connection = database.dataSource().getConnection()) {
            return one(connection, "SELECT " + COLUMNS + " FROM billing_run WHERE id = ?", id);
        } catch (SQLException failed) {
            throw new StoreException("Cannot read billing run", failed);
        }
    }

    /** A page of runs, newest first, filtered by whichever of tenants, period start and status is not null. */
    public List<RunRow> list(Collection<String> tenantIds, LocalDate periodStart, String status, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM billing_run WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (tenantIds != null) {
            if (tenantIds.isEmpty()) {
                return List.of();
            }
            sql.append(" AND tenant_id IN (").append(String.join(", ", Collections.nCopies(tenantIds.size(), "?"))).append(")");
            args.addAll(tenantIds);
        }
        if (periodStart != null) {
            sql.append(" AND period_start = ?");
            args.add(periodStart);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            List<RunRow> runs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(read(rows));
                }
            }
            return runs;
        } catch (SQLException failed) {
            throw new StoreException("Cannot list billing runs", failed);
        }
    }

    /**
     * Claims the oldest run that is due and not leased (or whose lease has run out) for {@code owner} until
     * {@code leaseUntil}: an active run, or a finished one whose upstream report is still to be deleted. Replicas skip
     * the rows another one is claiming at the same moment.
     */
    public Optional<RunRow> claimDue(String owner, Instant now, Instant leaseUntil) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<RunRow> due = one(connection, "SELECT " + COLUMNS + " FROM billing_run WHERE (status IN (" + ACTIVE_LIST + ")"
                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) OR " + CLEANUP_DUE + ")"
                        + " AND (lease_until IS NULL OR lease_until < ?)"
                        + " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED", now, now, now);
                if (due.isPresent()) {
                    try (PreparedStatement lease = connection.prepareStatement(
                            "UPDATE billing_run SET lease_owner = ?, lease_until = ? WHERE id = ?")) {
                        lease.setString(1, owner);
                        setInstant(lease, 2, leaseUntil);
                        lease.setString(3, due.get().id);
                        lease.executeUpdate();
                    }
                    due.get().leaseOwner = owner;
                    due.get().leaseUntil = leaseUntil;
                }
                connection.commit();
                return due;
            } catch (SQLException failed) {
                connection.rollback();
                throw failed;
            }
        } catch (SQLException failed) {
            throw new StoreException("Cannot claim a billing run", failed);
        }
    }

    /**
     * Writes the run's changed fields back if {@code owner} still holds its lease (the run's {@code leaseOwner} is what
     * is written: null releases it). False when the lease was lost: the caller stops working on the run.
     */
    public boolean save(RunRow run, String owner) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(UPDATE)) {
            int i = 0;
            update.setString(++i, run.status);
            update.setString(++i, run.liveKey);
            setInstant(update, ++i, run.updatedAt);
            setInstant(update, ++i, run.stageStartedAt);
            setInstant(update, ++i, run.finishedAt);
            update.setString(++i, run.reportsBefore);
            update.setString(++i, run.reportId);
            setLong(update, ++i, run.reportVersion);
            update.setBoolean(++i, run.reportDeleted);
            update.setString(++i, run.storedReportId);
            update.setString(++i, run.reportFormat);
            update.setInt(++i, run.polls);
            update.setInt(++i, run.attempts);
            setInstant(update, ++i, run.nextAttemptAt);
            update.setLong(++i, run.bytesDownloaded);
            update.setLong(++i, run.rowsParsed);
            update.setString(++i, run.warnings);
            update.setString(++i, run.failedStage);
            if (run.retryable == null) {
                update.setNull(++i, Types.BOOLEAN);
            } else {
                update.setBoolean(++i, run.retryable);
            }
            update.setString(++i, run.problem);
            update.setString(++i, run.leaseOwner);
            setInstant(update, ++i, run.leaseUntil);
            update.setString(++i, run.id);
            update.setString(++i, owner);
            return update.executeUpdate() == 1;
        } catch (SQLException failed) {
            throw new StoreException("Cannot save billing run " + run.id, failed);
        }
    }

    /** Progress of a long stage, which also extends the lease; false when the lease was lost. */
    public boolean progress(String id, String owner, long bytesDownloaded, long rowsParsed, Instant now, Instant leaseUntil) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE billing_run SET bytes_downloaded = ?, rows_parsed = ?, "
                        + "updated_at = ?, lease_until = ? WHERE id = ? AND lease_owner = ?")) {
            update.setLong(1, bytesDownloaded);
            update.setLong(2, rowsParsed);
            setInstant(update, 3, now);
            setInstant(update, 4, leaseUntil);
            update.setString(5, id);
            update.setString(6, owner);
            return update.executeUpdate() == 1;
        } catch (SQLException failed) {
            throw new StoreException("Cannot save progress of billing run " + id, failed);
        }
    }

    /** Extends the lease of a run {@code owner} holds; false when it does not hold it any more. */
    public boolean renewLease(String id, String owner, Instant leaseUntil) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE billing_run SET lease_until = ? WHERE id = ? AND lease_owner = ?")) {
            setInstant(update, 1, leaseUntil);
            update.setString(2, id);
            update.setString(3, owner);
            return update.executeUpdate() == 1;
        } catch (SQLException failed) {
            throw new StoreException("Cannot renew the lease of billing run " + id, failed);
        }
    }

    /**
     * Asks an active run to stop: the worker that holds or next claims it cancels it (and deletes its upstream
     * report). False when the run is not active any more.
     */
    public boolean requestCancel(String id, Instant now) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE billing_run SET cancel_requested = TRUE, "
                        + "next_attempt_at = NULL, updated_at = ? WHERE id = ? AND status IN (" + ACTIVE_LIST + ")")) {
            setInstant(update, 1, now);
            update.setString(2, id);
            return update.executeUpdate() == 1;
        } catch (SQLException failed) {
            throw new StoreException("Cannot cancel billing run " + id, failed);
        }
    }

    /** Whether the run was asked to stop (read by a worker between steps of a long stage). */
    public boolean cancelRequested(String id) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT cancel_requested FROM billing_run WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (SQLException failed) {
            throw new StoreException("Cannot read billing run " + id, failed);
        }
    }

    /**
     * Frees every lease: at the start of the only process that may open an embedded database, a lease left in it
     * belongs to a process that is gone.
     */
    public int releaseAllLeases() {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE billing_run SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL")) {
            return update.executeUpdate();
        } catch (SQLException failed) {
            throw new StoreException("Cannot release the leases of billing runs", failed);
        }
    }

    /** What {@link #deleteFinished} did. */
    public enum Deletion {
        DELETED,
        /** Finished, but its upstream report is still to be deleted (a worker is on it): nothing was deleted. */
        REPORT_PENDING,
        /** Active, or no such run: nothing was deleted. */
        ACTIVE_OR_GONE
    }

    /** Deletes a finished run and its usage rows, unless its upstream report is still to be deleted. */
    public Deletion deleteFinished(String id) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement rows = connection.prepareStatement("DELETE FROM billing_usage_row WHERE run_id = ?");
                    PreparedStatement run = connection.prepareStatement("DELETE FROM billing_run WHERE id = ? AND status NOT IN ("
                            + ACTIVE_LIST + ") AND NOT " + CLEANUP_PENDING)) {
                run.setString(1, id);
                if (run.executeUpdate() == 0) {
                    connection.rollback();
                    Optional<RunRow> left = one(connection, "SELECT " + COLUMNS + " FROM billing_run WHERE id = ?", id);
                    return left.isPresent() && !ACTIVE.contains(left.get().status) ? Deletion.REPORT_PENDING : Deletion.ACTIVE_OR_GONE;
                }
                rows.setString(1, id);
                rows.executeUpdate();
                connection.commit();
                return Deletion.DELETED;
            } catch (SQLException failed) {
                connection.rollback();
                throw failed;
            }
        } catch (SQLException failed) {
            throw new StoreException("Cannot delete billing run " + id, failed);
        }
    }

    private static Optional<RunRow> one(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant instant) {
                    setInstant(select, i + 1, instant);
                } else {
                    select.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static void bindAll(PreparedStatement insert, RunRow run) throws SQLException {
        int i = 0;
        insert.setString(++i, run.id);
        insert.setString(++i, run.tenantId);
        insert.setObject(++i, run.periodStart);
        insert.setObject(++i, run.periodEnd);
        insert.setString(++i, run.level);
        insert.setBoolean(++i, run.keepReport);
        insert.setString(++i, run.status);
        insert.setString(++i, run.liveKey);
        insert.setString(++i, run.createdBy);
        setInstant(insert, ++i, run.createdAt);
        setInstant(insert, ++i, run.updatedAt);
        setInstant(insert, ++i, run.stageStartedAt);
        setInstant(insert, ++i, run.finishedAt);
        setInstant(insert, ++i, run.deadlineAt);
        insert.setString(++i, run.reportsBefore);
        insert.setString(++i, run.reportId);
        setLong(insert, ++i, run.reportVersion);
        insert.setBoolean(++i, run.reportDeleted);
        insert.setString(++i, run.storedReportId);
        insert.setString(++i, run.reportFormat);
        insert.setInt(++i, run.polls);
        insert.setInt(++i, run.attempts);
        setInstant(insert, ++i, run.nextAttemptAt);
        insert.setLong(++i, run.bytesDownloaded);
        insert.setLong(++i, run.rowsParsed);
        insert.setString(++i, run.warnings);
        insert.setBoolean(++i, run.cancelRequested);
        insert.setString(++i, run.failedStage);
        if (run.retryable == null) {
            insert.setNull(++i, Types.BOOLEAN);
        } else {
            insert.setBoolean(++i, run.retryable);
        }
        insert.setString(++i, run.problem);
        insert.setString(++i, run.leaseOwner);
        setInstant(insert, ++i, run.leaseUntil);
    }

    private static RunRow read(ResultSet rows) throws SQLException {
        RunRow run = new RunRow();
        run.id = rows.getString("id");
        run.tenantId = rows.getString("tenant_id");
        run.periodStart = rows.getObject("period_start", LocalDate.class);
        run.periodEnd = rows.getObject("period_end", LocalDate.class);
        run.level = rows.getString("report_level");
        run.keepReport = rows.getBoolean("keep_report");
        run.status = rows.getString("status");
        run.liveKey = rows.getString("live_key");
        run.createdBy = rows.getString("created_by");
        run.createdAt = instant(rows, "created_at");
        run.updatedAt = instant(rows, "updated_at");
        run.stageStartedAt = instant(rows, "stage_started_at");
        run.finishedAt = instant(rows, "finished_at");
        run.deadlineAt = instant(rows, "deadline_at");
        run.reportsBefore = rows.getString("reports_before");
        run.reportId = rows.getString("report_id");
        long version = rows.getLong("report_version");
        run.reportVersion = rows.wasNull() ? null : version;
        run.reportDeleted = rows.getBoolean("report_deleted");
        run.storedReportId = rows.getString("stored_report_id");
        run.reportFormat = rows.getString("report_format");
        run.polls = rows.getInt("polls");
        run.attempts = rows.getInt("attempts");
        run.nextAttemptAt = instant(rows, "next_attempt_at");
        run.bytesDownloaded = rows.getLong("bytes_downloaded");
        run.rowsParsed = rows.getLong("rows_parsed");
        run.warnings = rows.getString("warnings");
        run.cancelRequested = rows.getBoolean("cancel_requested");
        run.failedStage = rows.getString("failed_stage");
        boolean retryable = rows.getBoolean("retryable");
        run.retryable = rows.wasNull() ? null : retryable;
        run.problem = rows.getString("problem");
        run.leaseOwner = rows.getString("lease_owner");
        run.leaseUntil = instant(rows, "lease_until");
        return run;
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant; null stays null. */
    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
