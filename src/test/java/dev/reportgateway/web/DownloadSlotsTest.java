package dev.reportgateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.Test;

import dev.reportgateway.report.ReportService;

class DownloadSlotsTest {

    private final DownloadSlots slots = new DownloadSlots(2, Duration.ZERO);

    @Test
    void aDownloadPastTheBoundIsRefusedUntilOneIsClosed() throws IOException {
        ReportService.StoredFile first = slots.open(DownloadSlotsTest::file);
        ReportService.StoredFile second = slots.open(DownloadSlotsTest::file);

        BulkheadException full = assertThrows(BulkheadException.class, () -> slots.open(DownloadSlotsTest::file));
        assertEquals("All 2 download slots (acronis.download-max-connections) are in use", full.getMessage());

        first.content().close();
        first.content().close(); // a second close frees nothing more
        ReportService.StoredFile third = slots.open(DownloadSlotsTest::file);
        assertThrows(BulkheadException.class, () -> slots.open(DownloadSlotsTest::file));
        second.content().close();
        third.content().close();
        slots.open(DownloadSlotsTest::file);
        slots.open(DownloadSlotsTest::file);
    }

    @Test
    void aFailedDownloadFreesItsSlot() {
        for (int i = 0; i < 5; i++) {
            assertThrows(IllegalStateException.class, () -> slots.open(() -> {
                throw new IllegalStateException("upstream refused");
            }));
        }
        slots.open(DownloadSlotsTest::file);
        slots.open(DownloadSlotsTest::file);
    }

    private static ReportService.StoredFile file() {
        return new ReportService.StoredFile("r", null, new ByteArrayInputStream(new byte[1]));
    }
}
