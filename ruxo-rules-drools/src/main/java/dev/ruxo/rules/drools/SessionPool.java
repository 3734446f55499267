package dev.ruxo.rules.drools;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Drools sessions for one engine, reset and reused across checks, with a way out after a failure.
 *
 * <p>Drools resets a pooled session's facts, agenda and node memories when it is returned, but a session whose check
 * threw can still hold the match it was firing, and with it that check's facts. So a failed check retires the whole
 * pool: later checks get a new one, and the old one is shut down, which disposes its sessions, once the last check
 * still using it has finished. Shutting it down at once would dispose sessions that other threads are running.
 */
final class SessionPool {

    /** One pool of sessions and the checks using it now. */
    static final class Lease {
        private final KieSessionsPool pool;
        private final AtomicInteger inUse = new AtomicInteger();
        private final AtomicBoolean shutDown = new AtomicBoolean();
        private volatile boolean retired;

        private Lease(KieSessionsPool pool) {
            this.pool = pool;
        }

        /**
         * @return a session of this pool for one check
         */
        StatelessKieSession session() {
            return pool.newStatelessKieSession();
        }

        /**
         * @return whether this pool's sessions have been disposed
         */
        boolean isShutDown() {
            return shutDown.get();
        }
    }

    private final KieBase kieBase;
    private final AtomicReference<Lease> current;

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
        this.current = new AtomicReference<>(new Lease(kieBase.newKieSessionsPool(1)));
    }

    /**
     * The pool to take a session from; give it back with {@link #release} when the check is over.
     *
     * @return the current pool, counted as in use
     */
    Lease acquire() {
        while (true) {
            Lease lease = current.get();
            lease.inUse.incrementAndGet();
            if (!lease.retired) {
                return lease;
            }
            // Retired between the read and the count: give it back and take the new one.
            release(lease);
        }
    }

    /**
     * Ends one check's use of a pool; the last check to leave a retired pool shuts it down.
     *
     * @param lease what {@link #acquire} gave
     */
    void release(Lease lease) {
        if (lease.inUse.decrementAndGet() == 0 && lease.retired && lease.shutDown.compareAndSet(false, true)) {
            lease.pool.shutdown();
        }
    }

    /**
     * Replaces a pool one of whose sessions failed. The caller still holds {@code lease} and releases it as usual.
     *
     * @param lease the pool of the failed session
     */
    void retire(Lease lease) {
        if (!lease.retired) {
            lease.retired = true;
            current.compareAndSet(lease, new Lease(kieBase.newKieSessionsPool(1)));
        }
    }

    /**
     * @return the pool that checks take sessions from now; for tests that check a failure retired it
     */
    Lease current() {
        return current.get();
    }

    /** Retires whichever pool is current: for a check whose worker still holds a session of it. */
    void retireCurrent() {
        retire(current.get());
    }
}
