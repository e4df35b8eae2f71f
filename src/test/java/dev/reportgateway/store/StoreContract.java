package dev.reportgateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link RunStore} and {@link UsageRowStore} promise, on a freshly migrated database of each kind (subclasses
 * give the datasource): one live run per tenant, period and level; claims by due time and lease, never one run to
 * two claimers; writes fenced by the lease; usage rows committed per batch and read back in order, exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final LocalDate START = LocalDate.parse("2026-04-01");
    private static final LocalDate END = LocalDate.parse("2026-04-30");
    /** How long a test waits for a claimer thread: a deadline against a hang, never a measurement. */
    private static final long DEADLINE_SECONDS = 60;

    private DataSource dataSource;
    private RunStore runs;
    private UsageRowStore usageRows;
    private PriceListStore priceLists;
    private CustomerStore customers;

    /** Which database the subclass gives. */
    abstract Database.Kind kind();

    /** An empty database of that kind, for this class's tests. */
    abstract DataSource createDataSource();

    /** Drops or closes what {@link #createDataSource()} made. */
    abstract void dropDataSource() throws SQLException;

    @BeforeAll
    void migrate() {
        dataSource = createDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        Database database = new Database(kind(), dataSource);
        runs = new RunStore(database);
        usageRows = new UsageRowStore(database);
        priceLists = new PriceListStore(database);
        customers = new CustomerStore(database);
    }

    @AfterAll
    void drop() throws SQLException {
        dropDataSource();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM billing_usage_row");
            statement.execute("DELETE FROM billing_run");
            statement.execute("DELETE FROM price_list_version");
            statement.execute("DELETE FROM price_list");
            statement.execute("DELETE FROM billing_customer");
        }
    }

    @Test
    void aSecondLiveRunIsFoundNotInsertedUntilTheFirstFails() {
        RunRow first = run("tenant-a", NOW);
        assertTrue(runs.insertOrFindLive(first).created());

        RunRow second = run("tenant-a", NOW.plusSeconds(1));
        RunStore.Inserted found = runs.insertOrFindLive(second);
        assertFalse(found.created());
        assertEquals(first.id, found.run().id);
        assertTrue(runs.find(second.id).isEmpty());

        RunRow otherLevel = run("tenant-a", NOW.plusSeconds(2));
        otherLevel.level = "partner";
        otherLevel.liveKey = liveKey("tenant-a", "partner");
        assertTrue(runs.insertOrFindLive(otherLevel).created(), "another level is another live run");

        RunRow claimed = runs.claimDue("worker-1", NOW.plusSeconds(5), NOW.plusSeconds(60)).orElseThrow();
        assertEquals(first.id, claimed.id);
        claimed.status = "failed";
        claimed.liveKey = null;
        claimed.finishedAt = NOW.plusSeconds(6);
        claimed.leaseOwner = null;
        claimed.leaseUntil = null;
        assertTrue(runs.save(claimed, "worker-1"));

        RunRow third = run("tenant-a", NOW.plusSeconds(7));
        RunStore.Inserted inserted = runs.insertOrFindLive(third);
        assertTrue(inserted.created());
        assertEquals(third.id, runs.find(third.id).orElseThrow().id);
        assertEquals(third.liveKey, runs.find(third.id).orElseThrow().liveKey);
    }

    @Test
    void everyFieldIsReadBackAsWritten() {
        RunRow run = run("tenant-a", NOW);
        run.keepReport = true;
        run.reportsBefore = "[\"" + "r".repeat(100_000) + "\"]";
        run.reportId = "a1b2c3d4-0000-4000-8000-000000000001";
        run.reportVersion = 7L;
        run.stageStartedAt = NOW.plusMillis(1);
        run.deadlineAt = NOW.plusSeconds(3600);
        run.nextAttemptAt = NOW.plusMillis(123);
        run.warnings = "[{\"code\":\"w\"}]";
        run.retryable = null;
        runs.insertOrFindLive(run);

        RunRow read = runs.find(run.id).orElseThrow();
        assertEquals(run.tenantId, read.tenantId);
        assertEquals(START, read.periodStart);
        assertEquals(END, read.periodEnd);
        assertEquals("partner_and_direct_customers", read.level);
        assertTrue(read.keepReport);
        assertEquals(run.reportsBefore, read.reportsBefore, "TEXT holds 100,000 characters");
        assertEquals(7L, read.reportVersion);
        assertEquals(NOW, read.createdAt);
        assertEquals(NOW.plusMillis(1), read.stageStartedAt);
        assertEquals(NOW.plusMillis(123), read.nextAttemptAt);
        assertEquals(NOW.plusSeconds(3600), read.deadlineAt);
        assertNull(read.finishedAt);
        assertNull(read.retryable);
        assertNull(read.leaseOwner);
        assertEquals(run.warnings, read.warnings);
    }

    @Test
    void claimsTheOldestDueRunAndNothingThatIsNotDue() {
        RunRow later = run("tenant-a", NOW.minusSeconds(10));
        later.nextAttemptAt = NOW.plusSeconds(30);
        runs.insertOrFindLive(later);
        RunRow done = run("tenant-b", NOW.minusSeconds(20));
        done.status = "done";
        runs.insertOrFindLive(done);
        RunRow older = run("tenant-c", NOW.minusSeconds(5));
        runs.insertOrFindLive(older);
        RunRow newer = run("tenant-d", NOW);
        runs.insertOrFindLive(newer);

        assertEquals(older.id, runs.claimDue("w", NOW, NOW.plusSeconds(60)).orElseThrow().id, "oldest due first");
        assertEquals(newer.id, runs.claimDue("w", NOW, NOW.plusSeconds(60)).orElseThrow().id);
        assertTrue(runs.claimDue("w", NOW.plusSeconds(29), NOW.plusSeconds(60)).isEmpty(), "not due before next_attempt_at");
        RunRow due = runs.claimDue("w", NOW.plusSeconds(30), NOW.plusSeconds(60)).orElseThrow();
        assertEquals(later.id, due.id, "due at next_attempt_at");
        assertEquals("w", due.leaseOwner);
        assertEquals(NOW.plusSeconds(60), due.leaseUntil);
        assertEquals("w", runs.find(later.id).orElseThrow().leaseOwner);
        assertTrue(runs.claimDue("w", NOW.plusSeconds(40), NOW.plusSeconds(60)).isEmpty(), "a done run is never claimed");
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheStaleOwnerCannotWrite() {
        RunRow run = run("tenant-a", NOW);
        runs.insertOrFindLive(run);
        RunRow mine = runs.claimDue("worker-1", NOW, NOW.plusSeconds(30)).orElseThrow();
        assertTrue(runs.claimDue("worker-2", NOW.plusSeconds(29), NOW.plusSeconds(90)).isEmpty(), "leased");

        RunRow taken = runs.claimDue("worker-2", NOW.plusSeconds(31), NOW.plusSeconds(90)).orElseThrow();
        assertEquals(run.id, taken.id);
        assertEquals("worker-2", runs.find(run.id).orElseThrow().leaseOwner);

        mine.status = "generating";
        mine.polls = 5;
        mine.updatedAt = NOW.plusSeconds(32);
        assertFalse(runs.save(mine, "worker-1"), "the stale owner's save");
        assertFalse(runs.progress(run.id, "worker-1", 100, 10, NOW.plusSeconds(32), NOW.plusSeconds(300)), "the stale owner's progress");
        RunRow stored = runs.find(run.id).orElseThrow();
        assertEquals("queued", stored.status);
        assertEquals(0, stored.polls);
        assertEquals(0, stored.bytesDownloaded);
        assertEquals(NOW.plusSeconds(90), stored.leaseUntil);

        taken.status = "generating";
        taken.polls = 1;
        taken.updatedAt = NOW.plusSeconds(33);
        assertTrue(runs.save(taken, "worker-2"));
        assertEquals("generating", runs.find(run.id).orElseThrow().status);
        assertEquals(1, runs.find(run.id).orElseThrow().polls);
    }

    @Test
    void aSaveThatReleasesTheLeaseLetsTheNextClaimerIn() {
        runs.insertOrFindLive(run("tenant-a", NOW));
        RunRow claimed = runs.claimDue("worker-1", NOW, NOW.plusSeconds(300)).orElseThrow();
        claimed.attempts = 1;
        claimed.nextAttemptAt = NOW.plusSeconds(10);
        claimed.leaseOwner = null;
        claimed.leaseUntil = null;
        assertTrue(runs.save(claimed, "worker-1"));
        assertFalse(runs.save(claimed, "worker-1"), "released: the old owner holds nothing");

        assertTrue(runs.claimDue("worker-2", NOW.plusSeconds(9), NOW.plusSeconds(300)).isEmpty());
        RunRow retried = runs.claimDue("worker-2", NOW.plusSeconds(10), NOW.plusSeconds(300)).orElseThrow();
        assertEquals(1, retried.attempts);
    }

    @Test
    void aClaimSkipsTheRunAnotherClaimerHasLocked() throws Exception {
        RunRow oldest = run("tenant-a", NOW.minusSeconds(10));
        runs.insertOrFindLive(oldest);
        RunRow next = run("tenant-b", NOW);
        runs.insertOrFindLive(next);

        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT id FROM billing_run WHERE id = ? FOR UPDATE")) {
                lock.setString(1, oldest.id);
                try (ResultSet locked = lock.executeQuery()) {
                    assertTrue(locked.next());
                }
            }
            Future<Optional<RunRow>> claim = executor.submit(() -> runs.claimDue("worker-2", NOW, NOW.plusSeconds(60)));
            assertEquals(next.id, claim.get(DEADLINE_SECONDS, TimeUnit.SECONDS).orElseThrow().id,
                    "the locked oldest run is skipped, not waited for");
            other.rollback();
        } finally {
            executor.shutdownNow();
        }
        assertEquals(oldest.id, runs.claimDue("worker-3", NOW, NOW.plusSeconds(60)).orElseThrow().id);
    }

    @Test
    void twoConcurrentClaimersNeverGetTheSameRun() throws Exception {
        int count = 40;
        for (int i = 0; i < count; i++) {
            runs.insertOrFindLive(run("tenant-" + i, NOW.minusSeconds(count - i)));
        }
        CountDownLatch go = new CountDownLatch(1);
        Callable<List<String>> claimer = () -> {
            String owner = "worker-" + Thread.currentThread().getId();
            List<String> claimed = new ArrayList<>();
            go.await();
            for (Optional<RunRow> run = runs.claimDue(owner, NOW, NOW.plusSeconds(600)); run.isPresent();
                    run = runs.claimDue(owner, NOW, NOW.plusSeconds(600))) {
                assertEquals(owner, run.get().leaseOwner);
                claimed.add(run.get().id);
            }
            return claimed;
        };
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> first = executor.submit(claimer);
            Future<List<String>> second = executor.submit(claimer);
            go.countDown();
            List<String> all = new ArrayList<>(first.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
            all.addAll(second.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
            Set<String> distinct = new HashSet<>(all);
            assertEquals(all.size(), distinct.size(), "a run claimed twice: " + all);
            assertEquals(count, distinct.size(), "every due run claimed once");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void progressExtendsTheLeaseOfItsOwner() {
        RunRow run = run("tenant-a", NOW);
        runs.insertOrFindLive(run);
        runs.claimDue("worker-1", NOW, NOW.plusSeconds(30));
        assertTrue(runs.progress(run.id, "worker-1", 4096, 12, NOW.plusSeconds(20), NOW.plusSeconds(120)));
        RunRow stored = runs.find(run.id).orElseThrow();
        assertEquals(4096, stored.bytesDownloaded);
        assertEquals(12, stored.rowsParsed);
        assertEquals(NOW.plusSeconds(20), stored.updatedAt);
        assertEquals(NOW.plusSeconds(120), stored.leaseUntil);
        assertTrue(runs.claimDue("worker-2", NOW.plusSeconds(60), NOW.plusSeconds(180)).isEmpty(), "the lease was extended");
    }

    @Test
    void cancelIsRequestedOfActiveRunsOnly() {
        RunRow active = run("tenant-a", NOW);
        active.nextAttemptAt = NOW.plusSeconds(60);
        runs.insertOrFindLive(active);
        RunRow done = run("tenant-b", NOW);
        done.status = "done";
        runs.insertOrFindLive(done);

        assertFalse(runs.cancelRequested(active.id));
        assertTrue(runs.requestCancel(active.id, NOW.plusSeconds(1)));
        assertTrue(runs.cancelRequested(active.id));
        RunRow stored = runs.find(active.id).orElseThrow();
        assertTrue(stored.cancelRequested);
        assertNull(stored.nextAttemptAt, "due at once, so a worker cancels it");
        assertEquals(NOW.plusSeconds(1), stored.updatedAt);
        assertEquals(active.id, runs.claimDue("w", NOW.plusSeconds(2), NOW.plusSeconds(60)).orElseThrow().id);

        assertFalse(runs.requestCancel(done.id, NOW.plusSeconds(1)));
        assertFalse(runs.cancelRequested(done.id));
        assertFalse(runs.requestCancel("no-such-run", NOW));
    }

    @Test
    void onlyFinishedRunsAreDeletedWithTheirRows() {
        RunRow active = run("tenant-a", NOW);
        runs.insertOrFindLive(active);
        RunRow done = run("tenant-b", NOW);
        done.status = "done";
        runs.insertOrFindLive(done);
        writeRows(done.id, 3, 10);
        writeRows(active.id, 2, 10);

        assertEquals(RunStore.Deletion.ACTIVE_OR_GONE, runs.deleteFinished(active.id));
        assertTrue(runs.find(active.id).isPresent());
        assertEquals(RunStore.Deletion.DELETED, runs.deleteFinished(done.id));
        assertTrue(runs.find(done.id).isEmpty());
        assertEquals(0, readRows(done.id, null).size());
        assertEquals(2, readRows(active.id, null).size());
        assertEquals(RunStore.Deletion.ACTIVE_OR_GONE, runs.deleteFinished(done.id), "gone");
    }

    @Test
    void onlyTheHolderRenewsALeaseAndARenewedLeaseIsNotTakenOver() {
        RunRow run = run("tenant-r", NOW);
        runs.insertOrFindLive(run);
        runs.claimDue("worker-1", NOW, NOW.plusSeconds(30)).orElseThrow();

        assertTrue(runs.renewLease(run.id, "worker-1", NOW.plusSeconds(90)));
        assertFalse(runs.renewLease(run.id, "worker-2", NOW.plusSeconds(500)));
        assertTrue(runs.claimDue("worker-2", NOW.plusSeconds(60), NOW.plusSeconds(120)).isEmpty(), "renewed until +90 s");
        assertEquals("worker-2", runs.claimDue("worker-2", NOW.plusSeconds(91), NOW.plusSeconds(150)).orElseThrow().leaseOwner);
        assertFalse(runs.renewLease(run.id, "worker-1", NOW.plusSeconds(200)), "lost to worker-2");
    }

    @Test
    void aFinishedRunWhoseReportIsStillToBeDeletedIsClaimedForThatAndNotDeletedMeanwhile() {
        RunRow done = run("tenant-c", NOW);
        done.status = "done";
        done.reportId = "report-of-c";
        done.reportVersion = 1L;
        done.nextAttemptAt = NOW.plusSeconds(10);
        runs.insertOrFindLive(done);
        RunRow kept = run("tenant-k", NOW);
        kept.status = "done";
        kept.keepReport = true;
        kept.reportId = "report-of-k";
        kept.nextAttemptAt = NOW;
        runs.insertOrFindLive(kept);

        assertEquals(RunStore.Deletion.REPORT_PENDING, runs.deleteFinished(done.id));
        assertTrue(runs.claimDue("w", NOW, NOW.plusSeconds(60)).isEmpty(), "not due yet; a kept report is never deleted");
        RunRow claimed = runs.claimDue("w", NOW.plusSeconds(10), NOW.plusSeconds(60)).orElseThrow();
        assertEquals(done.id, claimed.id);
        claimed.reportDeleted = true;
        claimed.nextAttemptAt = null;
        claimed.leaseOwner = null;
        assertTrue(runs.save(claimed, "w"));
        assertEquals(RunStore.Deletion.DELETED, runs.deleteFinished(done.id));
        assertEquals(RunStore.Deletion.DELETED, runs.deleteFinished(kept.id));
    }

    @Test
    void listsNewestFirstByTenantPeriodAndStatus() {
        RunRow a1 = run("tenant-a", NOW.minusSeconds(2));
        RunRow a2 = run("tenant-a", NOW.minusSeconds(1));
        a2.level = "partner";
        a2.liveKey = liveKey("tenant-a", "partner");
        a2.status = "done";
        RunRow b = run("tenant-b", NOW);
        for (RunRow run : List.of(a1, a2, b)) {
            runs.insertOrFindLive(run);
        }
        assertEquals(List.of(b.id, a2.id, a1.id), ids(runs.list(null, null, null, 0, 10)));
        assertEquals(List.of(a2.id, a1.id), ids(runs.list(List.of("tenant-a"), START, null, 0, 10)));
        assertEquals(List.of(a2.id), ids(runs.list(List.of("tenant-a"), null, "done", 0, 10)));
        assertEquals(List.of(a1.id), ids(runs.list(List.of("tenant-a"), null, null, 1, 1)));
        assertEquals(List.of(), ids(runs.list(null, START.plusMonths(1), null, 0, 10)));
    }

    @Test
    void usageRowsAreCommittedPerBatch() {
        String runId = UUID.randomUUID().toString();
        try (UsageRowStore.Writer writer = usageRows.writer(runId, 2)) {
            List<Boolean> committed = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                committed.add(writer.add(row(i, "tenant-a", BigDecimal.ONE)));
            }
            assertEquals(List.of(false, true, false, true, false), committed);
            assertEquals(4, readRows(runId, null).size(), "two batches committed, the fifth row not yet");
            writer.flush();
            assertEquals(5, readRows(runId, null).size());
            writer.add(row(6, "tenant-a", BigDecimal.ONE));
        }
        assertEquals(5, readRows(runId, null).size(), "close drops the rows added since the last flush");
    }

    @Test
    void usageRowsComeBackInOrderWithExactQuantitiesAndTenantFilter() {
        String runId = UUID.randomUUID().toString();
        List<BigDecimal> quantities = List.of(new BigDecimal("0.10"), new BigDecimal("1.005"), new BigDecimal("12345678901234567.5"),
                new BigDecimal("0.0000000001"), new BigDecimal("-3"), BigDecimal.ZERO);
        try (UsageRowStore.Writer writer = usageRows.writer(runId, 4)) {
            // written out of order: read back by row number
            for (int i = quantities.size(); i >= 1; i--) {
                writer.add(row(i, i % 2 == 0 ? "TENANT-A" : "tenant-b", quantities.get(i - 1)));
            }
            writer.add(new UsageRowRecord(7, null, null, null, null, null, null, null, "{}"));
            writer.flush();
        }
        List<UsageRowRecord> all = readRows(runId, null);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), all.stream().map(UsageRowRecord::rowNo).toList());
        for (int i = 0; i < quantities.size(); i++) {
            BigDecimal read = all.get(i).billableQuantity();
            assertEquals(0, quantities.get(i).compareTo(read), "row " + (i + 1) + ": " + read);
            assertEquals(10, read.scale(), "NUMERIC(38, 10) on both databases");
        }
        UsageRowRecord second = all.get(1);
        assertEquals(new UsageRowRecord(2, "TENANT-A", "Tenant 2", "customer", "storage", "SKU-2", new BigDecimal("1.0050000000"), "GB",
                json(2)), second);
        assertNull(all.get(6).billableQuantity());
        assertNull(all.get(6).tenantId());

        assertEquals(List.of(2L, 4L, 6L), readRows(runId, "tenant-a").stream().map(UsageRowRecord::rowNo).toList(),
                "the filter is lower case and matches any case");
        assertEquals(List.of(1L, 3L, 5L), readRows(runId, "tenant-b").stream().map(UsageRowRecord::rowNo).toList());
        assertEquals(List.of(), readRows(runId, "tenant-c"));
    }

    @Test
    void deleteRowsRemovesOneRunsRowsOnly() {
        String runId = UUID.randomUUID().toString();
        String otherRunId = UUID.randomUUID().toString();
        writeRows(runId, 3, 2);
        writeRows(otherRunId, 2, 2);
        usageRows.deleteRows(runId);
        assertEquals(List.of(), readRows(runId, null));
        assertEquals(2, readRows(otherRunId, null).size());
        writeRows(runId, 1, 2);
        assertEquals(1, readRows(runId, null).size(), "a parse starts over on the same row numbers");
    }

    @Test
    void billableTotalsAddUpExactlyPerTenantItemSkuAndUnitForOneKind() {
        String runId = UUID.randomUUID().toString();
        try (UsageRowStore.Writer writer = usageRows.writer(runId, 3)) {
            writer.add(usage(1, "tenant-a", "customer", "storage", "SKU-S", "0.10", "GiB"));
            writer.add(usage(2, "tenant-a", "customer", "storage", "SKU-S", "0.20", "GiB"));
            writer.add(usage(3, "tenant-a", "customer", "storage", "SKU-T", "1.005", "GiB"));
            writer.add(usage(4, "tenant-a", "customer", "servers", null, "2", "quantity"));
            writer.add(usage(5, "tenant-b", "customer", "storage", "SKU-S", "0.0000000001", "GiB"));
            writer.add(usage(6, "tenant-p", "partner", "storage", "SKU-S", "99", "GiB"));
            writer.add(usage(7, "tenant-a", "customer", "storage", "SKU-S", "0.3", "GiB"));
            writer.flush();
        }
        Set<UsageRowStore.BillableTotal> expected = Set.of(
                total("tenant-a", "storage", "SKU-S", "GiB", "0.60"),
                total("tenant-a", "storage", "SKU-T", "GiB", "1.005"),
                total("tenant-a", "servers", null, "quantity", "2"),
                total("tenant-b", "storage", "SKU-S", "GiB", "0.0000000001"));
        assertEquals(expected, normalized(usageRows.billableTotals(runId, "customer", null)));
        assertEquals(Set.of(total("tenant-b", "storage", "SKU-S", "GiB", "0.0000000001")),
                normalized(usageRows.billableTotals(runId, "customer", "tenant-b")));
        assertEquals(Set.of(total("tenant-p", "storage", "SKU-S", "GiB", "99")), normalized(usageRows.billableTotals(runId, "partner", null)));
        assertEquals(List.of(), usageRows.billableTotals(UUID.randomUUID().toString(), "customer", null));
    }

    @Test
    void everyPriceListVersionStaysReadableAndADeletedNameNeverReusesAVersion() {
        PriceListStore.Version first = priceLists.add("retail", "[1]", "d1", "admin", NOW);
        PriceListStore.Version second = priceLists.add("retail", "[2]", "d2", "writer", NOW.plusSeconds(60));
        priceLists.add("wholesale", "[3]", "d3", "admin", NOW.plusSeconds(30));
        assertEquals(1, first.version());
        assertEquals(2, second.version());
        assertEquals(second, priceLists.find("retail", null).orElseThrow());
        assertEquals(first, priceLists.find("retail", 1).orElseThrow());
        assertTrue(priceLists.find("retail", 3).isEmpty());
        assertTrue(priceLists.find("missing", null).isEmpty());
        assertEquals(List.of(new PriceListStore.Summary("retail", 2, 2, NOW.plusSeconds(60)),
                new PriceListStore.Summary("wholesale", 1, 1, NOW.plusSeconds(30))), priceLists.list());

        assertTrue(priceLists.delete("retail"));
        assertFalse(priceLists.delete("retail"));
        assertTrue(priceLists.find("retail", null).isEmpty());
        assertTrue(priceLists.find("retail", 1).isEmpty());
        assertEquals(List.of("wholesale"), priceLists.list().stream().map(PriceListStore.Summary::name).toList());
        assertEquals(3, priceLists.add("retail", "[4]", "d4", "admin", NOW.plusSeconds(90)).version(),
                "an invoice priced with version 1 or 2 never names another list's prices");
        assertEquals(List.of(new PriceListStore.Summary("retail", 3, 1, NOW.plusSeconds(90))),
                priceLists.list().stream().filter(list -> list.name().equals("retail")).toList());
    }

    @Test
    void concurrentPutsOfOneNewNameGetDistinctVersions() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> versions = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String items = "[" + i + "]";
                versions.add(pool.submit(() -> {
                    start.await();
                    return priceLists.add("concurrent", items, "d", "admin", NOW).version();
                }));
            }
            start.countDown();
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> version : versions) {
                distinct.add(version.get(DEADLINE_SECONDS, TimeUnit.SECONDS));
            }
            assertEquals(Set.of(1, 2, 3, 4, 5, 6), distinct);
            assertEquals(6, priceLists.find("concurrent", null).orElseThrow().version());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCustomerMappingIsReplacedAsAWhole() {
        CustomerStore.Customer a = new CustomerStore.Customer("tenant-a", "PSA-1", "Zoë's \"Café\", Ltd", "EUR");
        CustomerStore.Customer b = new CustomerStore.Customer("tenant-b", "PSA-2", null, null);
        customers.replace(List.of(b, a), NOW);
        assertEquals(List.of(a, b), customers.list());
        CustomerStore.Customer c = new CustomerStore.Customer("tenant-c", "PSA-3", "C", "JPY");
        customers.replace(List.of(c), NOW.plusSeconds(1));
        assertEquals(List.of(c), customers.list());
        customers.replace(List.of(), NOW.plusSeconds(2));
        assertEquals(List.of(), customers.list());
    }

    private static UsageRowRecord usage(long rowNo, String tenantId, String kind, String item, String sku, String quantity, String unit) {
        return new UsageRowRecord(rowNo, tenantId, "Name of " + tenantId, kind, item, sku, new BigDecimal(quantity), unit, json(rowNo));
    }

    private static UsageRowStore.BillableTotal total(String tenantId, String item, String sku, String unit, String quantity) {
        return new UsageRowStore.BillableTotal(tenantId, "Name of " + tenantId, item, sku, unit, new BigDecimal(quantity).stripTrailingZeros());
    }

    /** The totals with quantities compared by value (the databases answer them at scale 10). */
    private static Set<UsageRowStore.BillableTotal> normalized(List<UsageRowStore.BillableTotal> totals) {
        Set<UsageRowStore.BillableTotal> set = new HashSet<>();
        for (UsageRowStore.BillableTotal total : totals) {
            set.add(new UsageRowStore.BillableTotal(total.tenantId(), total.tenantName(), total.offeringItem(), total.sku(), total.unit(),
                    total.quantity().stripTrailingZeros()));
        }
        assertEquals(totals.size(), set.size(), "one total per tenant, item, SKU and unit");
        return set;
    }

    private void writeRows(String runId, int count, int batchSize) {
        try (UsageRowStore.Writer writer = usageRows.writer(runId, batchSize)) {
            for (int i = 1; i <= count; i++) {
                writer.add(row(i, "tenant-a", BigDecimal.valueOf(i)));
            }
            writer.flush();
        }
    }

    private List<UsageRowRecord> readRows(String runId, String tenantId) {
        List<UsageRowRecord> rows = new ArrayList<>();
        usageRows.read(runId, tenantId, rows::add);
        return rows;
    }

    private static UsageRowRecord row(long rowNo, String tenantId, BigDecimal quantity) {
        return new UsageRowRecord(rowNo, tenantId, "Tenant " + rowNo, "customer", "storage", "SKU-" + rowNo, quantity, "GB", json(rowNo));
    }

    private static String json(long rowNo) {
        return "{\"row\":" + rowNo + ",\"name\":\"Zoë's \\\"quoted\\\" tenant\"}";
    }

    private static RunRow run(String tenantId, Instant createdAt) {
        RunRow run = new RunRow();
        run.id = UUID.randomUUID().toString();
        run.tenantId = tenantId;
        run.periodStart = START;
        run.periodEnd = END;
        run.level = "partner_and_direct_customers";
        run.status = "queued";
        run.liveKey = liveKey(tenantId, run.level);
        run.createdBy = "test-admin";
        run.createdAt = createdAt;
        run.updatedAt = createdAt;
        run.stageStartedAt = createdAt;
        run.deadlineAt = createdAt.plusSeconds(86_400);
        return run;
    }

    private static String liveKey(String tenantId, String level) {
        return tenantId + "|" + START + "|" + END + "|" + level;
    }

    private static List<String> ids(List<RunRow> rows) {
        return rows.stream().map(run -> run.id).toList();
    }
}
