package dev.reportgateway.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kubernetes manifest {@code ./mvnw package} generates ({@code target/kubernetes/kubernetes.yml}): two
 * replicas behind a Service, probes on the health endpoints, sized resources, credentials and the PostgreSQL
 * settings from the Secret, no Flyway init Job, a non-root read-only container with a size-limited emptyDir at /tmp
 * and bounded ephemeral storage. Runs under failsafe, after packaging.
 */
class KubernetesManifestIT {

    private static final String NAME = "acronis-report-gateway";
    private static List<JsonNode> documents;

    @BeforeAll
    static void read() throws IOException {
        Path manifest = Path.of("target", "kubernetes", "kubernetes.yml");
        assertTrue(Files.isRegularFile(manifest), "run ./mvnw package first: no " + manifest);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        documents = new ArrayList<>();
        try (MappingIterator<JsonNode> all = yaml.readerFor(JsonNode.class).readValues(manifest.toFile())) {
            all.forEachRemaining(document -> {
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            });
        }
    }

    @Test
    void deploymentWithTwoReplicasBehindAService() {
        assertEquals(2, deployment().at("/spec/replicas").asInt());
        JsonNode service = kind("Service");
        assertEquals(NAME, service.at("/metadata/name").asText());
        assertEquals(8080, service.at("/spec/ports/0/targetPort").asInt());
        assertTrue(documents.stream().noneMatch(document -> document.path("kind").asText().equals("ServiceMonitor")),
                "no ServiceMonitor: it needs the Prometheus Operator's CRD");
    }

    @Test
    void probesOnTheHealthEndpoints() {
        JsonNode container = container();
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
    }

    @Test
    void resourcesRequestedAndLimitedWithTheHeapAtHalfTheLimit() {
        JsonNode resources = container().path("resources");
        for (String field : new String[] { "/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory" }) {
            assertFalse(resources.at(field).asText().isEmpty(), "resources" + field);
        }
        assertEquals("50", find(container().path("env"), "name", "JAVA_MAX_MEM_RATIO").path("value").asText(),
                "the heap takes half the memory limit");
    }

    @Test
    void environmentFromTheSecret() {
        assertEquals(NAME, container().at("/envFrom/0/secretRef/name").asText());
    }

    @Test
    void databaseFromRequiredKeysOfTheSecret() {
        for (String name : List.of("GATEWAY_DATABASE_URL", "GATEWAY_DATABASE_USERNAME", "GATEWAY_DATABASE_PASSWORD")) {
            JsonNode variable = find(container().path("env"), "name", name);
            assertFalse(variable.has("value"), name + " has no literal value: " + variable);
            JsonNode key = variable.at("/valueFrom/secretKeyRef");
            assertEquals(NAME, key.path("name").asText(), name + " from the Secret: " + variable);
            assertEquals(name, key.path("key").asText(), name + " key: " + variable);
            assertFalse(key.path("optional").asBoolean(false), name + " is required: " + variable);
        }
    }

    @Test
    void theGatewayMigratesItsOwnSchemaWithoutAnInitJob() {
        assertTrue(documents.stream().noneMatch(document -> document.path("kind").asText().equals("Job")),
                "no Flyway init Job: each replica migrates at startup");
        JsonNode pod = deployment().at("/spec/template/spec");
        assertTrue(pod.path("initContainers").isMissingNode() || pod.path("initContainers").isEmpty(),
                "no init container waiting for a Job: " + pod.path("initContainers"));
        for (JsonNode variable : container().path("env")) {
            assertFalse(variable.path("name").asText().startsWith("QUARKUS_FLYWAY"), "no Flyway switch: " + variable);
        }
    }

    @Test
    void nonRootReadOnlyContainerWithTmpEmptyDir() {
        JsonNode pod = deployment().at("/spec/template/spec");
        JsonNode container = container();
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), "runAsNonRoot");
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), "readOnlyRootFilesystem");
        assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), "allowPrivilegeEscalation");

        JsonNode mount = find(container.path("volumeMounts"), "mountPath", "/tmp");
        JsonNode volume = find(pod.path("volumes"), "name", mount.path("name").asText());
        assertTrue(volume.has("emptyDir"), "/tmp is an emptyDir: " + volume);
        assertFalse(mount.path("readOnly").asBoolean(false), "/tmp is writable");
    }

    @Test
    void tmpAndEphemeralStorageAreBounded() {
        JsonNode pod = deployment().at("/spec/template/spec");
        JsonNode mount = find(container().path("volumeMounts"), "mountPath", "/tmp");
        JsonNode volumes = pod.path("volumes");
        long tmpVolumes = StreamSupport.stream(volumes.spliterator(), false)
                .filter(volume -> mount.path("name").asText().equals(volume.path("name").asText())).count();
        assertEquals(1, tmpVolumes, "one /tmp volume: " + volumes);
        assertEquals("3Gi", find(volumes, "name", mount.path("name").asText()).at("/emptyDir/sizeLimit").asText(),
                "/tmp emptyDir sizeLimit");
        JsonNode resources = container().path("resources");
        assertEquals("512Mi", resources.at("/requests/ephemeral-storage").asText(), "ephemeral-storage request");
        assertEquals("4Gi", resources.at("/limits/ephemeral-storage").asText(), "ephemeral-storage limit");
        assertFalse(resources.at("/limits/memory").asText().isEmpty(), "memory limit kept beside it");
    }

    private static JsonNode deployment() {
        return kind("Deployment");
    }

    private static JsonNode container() {
        return find(deployment().at("/spec/template/spec/containers"), "name", NAME);
    }

    private static JsonNode kind(String kind) {
        return documents.stream().filter(document -> kind.equals(document.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in the manifest"));
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + "=" + value + " in " + list);
    }
}
