package fr.sne.bench.mesure;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JVM's heap while some work runs (the product runs in this JVM): the peak of heap used,
 * sampled every 10 ms (garbage included, so it depends on the heap's size), and the peak of
 * heap still used after each collection (the live data: what a smaller heap would need).
 */
public final class Tas implements AutoCloseable {

    private final AtomicLong picUtilise = new AtomicLong();
    private final AtomicLong picApresGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<NotificationEmitter> emetteurs = new ArrayList<>();
    private final NotificationListener ecouteur = this::notifier;
    private final Thread echantillonneur;
    private volatile boolean actif = true;

    private Tas() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(ecouteur, null, null);
                emetteurs.add(e);
            }
        }
        echantillonneur = Thread.ofPlatform().daemon().name("banc-tas").start(() -> {
            while (actif) {
                picUtilise.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Collects first (so the live data at start is known), then watches. */
    public static Tas observer() {
        System.gc();
        Tas t = new Tas();
        t.picApresGc.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        return t;
    }

    private void notifier(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long apres = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (estTas(e.getKey())) {
                apres += e.getValue().getUsed();
            }
        }
        picApresGc.accumulateAndGet(apres, Math::max);
        collections.incrementAndGet();
    }

    private static boolean estTas(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }

    public double picUtiliseMo() {
        return picUtilise.get() / 1048576.0;
    }

    public double picApresGcMo() {
        return picApresGc.get() / 1048576.0;
    }

    public long collections() {
        return collections.get();
    }

    /** The heap's maximum size (-Xmx or the JVM's default). */
    public static double maximumMo() {
        MemoryUsage u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return u.getMax() / 1048576.0;
    }

    @Override
    public void close() {
        actif = false;
        echantillonneur.interrupt();
        for (NotificationEmitter e : emetteurs) {
            try {
                e.removeNotificationListener(ecouteur);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
