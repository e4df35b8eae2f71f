package dev.reportgateway.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

import dev.reportgateway.acronis.AcronisConfig;
import dev.reportgateway.report.ReportService;

/**
 * Bounds the upstream downloads open at once to {@code acronis.download-max-connections}, the size of the
 * downloads client's own connection pool: a slot is held from the download's start until its stream is closed.
 * A download that finds no free slot within {@code acronis.connect-timeout} is refused (503 with
 * {@code Retry-After}) instead of waiting for a connection forever.
 */
@Singleton
class DownloadSlots {

    private final Semaphore slots;
    private final int max;
    private final Duration wait;

    @Inject
    DownloadSlots(AcronisConfig config) {
        this(config.downloadMaxConnections(), config.connectTimeout());
    }

    DownloadSlots(int max, Duration wait) {
        this.slots = new Semaphore(max, true);
        this.max = max;
        this.wait = wait;
    }

    /** Runs {@code download} in a free slot; closing the file's content frees the slot. */
    ReportService.StoredFile open(Supplier<ReportService.StoredFile> download) {
        acquire();
        try {
            ReportService.StoredFile file = download.get();
            return new ReportService.StoredFile(file.reportId(), file.stored(), new SlotStream(file.content()));
        } catch (RuntimeException | Error failed) {
            slots.release();
            throw failed;
        }
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BulkheadException("All " + max + " download slots (acronis.download-max-connections) are in use");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BulkheadException("Interrupted while waiting for a download slot");
        }
    }

    /** The download's bytes; the first close frees the slot. */
    private final class SlotStream extends FilterInputStream {

        private final AtomicBoolean released = new AtomicBoolean();

        SlotStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                if (released.compareAndSet(false, true)) {
                    slots.release();
                }
            }
        }
    }
}
