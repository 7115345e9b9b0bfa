package fr.sne.documents.storage;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/** {@code /health} is UP only when the object store answers and holds the bucket. */
@Singleton
class StorageHealthIndicator implements HealthIndicator {

    private final ObjectStorage storage;
    private final ExecutorService blocking;

    StorageHealthIndicator(ObjectStorage storage, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.storage = storage;
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.fromExecutorService(blocking));
    }

    private HealthResult check() {
        try {
            storage.ensureBucket();
            return HealthResult.builder("stockage", HealthStatus.UP).details(Map.of("bucket", storage.bucket())).build();
        } catch (Exception e) {
            return HealthResult.builder("stockage", HealthStatus.DOWN)
                    .details(Map.of("erreur", e.getClass().getSimpleName())).build();
        }
    }
}
