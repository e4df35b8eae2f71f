import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small, bounded load generator for the gateway on loopback: {@code total} GETs of one URL with an API key,
 * {@code concurrency} at a time. Prints throughput, latency percentiles and the status counts. An optional fifth
 * argument {@code POST} and sixth argument (a JSON body) send that body as a POST instead.
 *
 *   java bench/LoadClient.java http://127.0.0.1:PORT/api/2/reports/ID KEY 10000 8
 *   java bench/LoadClient.java http://127.0.0.1:PORT/api/2/reports KEY 2000 4 POST '{"result_action":"save",...}'
 *   java -Dhttp=1.1 bench/LoadClient.java ...      # HTTP/1.1 only (default: HTTP/2 by h2c upgrade, the JDK client's default)
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String key = args[1];
        int total = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        // -Dhttp=1.1: HTTP/1.1 only, as curl and most scripts speak; default: HTTP/2 by h2c upgrade (the JDK client's default)
        HttpClient.Version version = "1.1".equals(System.getProperty("http")) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
        HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).header("X-API-Key", key).timeout(Duration.ofSeconds(30));
        if (args.length > 5 && args[4].equals("POST")) {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(args[5]));
        } else {
            builder.GET();
        }
        HttpRequest request = builder.build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < total) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() == 200) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("requests=%d ok=%d seconds=%.1f throughput=%.0f/s p50=%.2fms p99=%.2fms%n", total, ok.get(), seconds,
                total / seconds, sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
    }
}
