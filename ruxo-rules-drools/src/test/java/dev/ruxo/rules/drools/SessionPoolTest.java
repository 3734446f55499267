package dev.ruxo.rules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ruxo.rules.drools.facts.Findings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A retired pool serves no new check and is shut down only when the last check using it ends. */
class SessionPoolTest {

    private static final Findings SINK = new Findings(TestEngine.engine().compiled().rules(), "label", "url");

    private static void runEmpty(SessionPool.Lease lease) {
        var session = lease.session();
        session.setGlobal("findings", SINK);
        session.execute(List.of());
    }

    @Test
    void aRetiredPoolIsShutDownWhenItsLastCheckEnds() {
        SessionPool pool = new SessionPool(TestEngine.engine().compiled().kieBase());
        SessionPool.Lease first = pool.acquire();
        SessionPool.Lease second = pool.acquire();
        assertThat(second).isSameAs(first);

        pool.retire(first);
        SessionPool.Lease next = pool.acquire();
        assertThat(next).isNotSameAs(first);

        pool.release(first);
        assertThat(first.isShutDown()).as("one check still uses it").isFalse();
        runEmpty(second);
        pool.release(second);
        assertThat(first.isShutDown()).isTrue();

        runEmpty(next);
        pool.release(next);
        assertThat(next.isShutDown()).isFalse();
        assertThat(pool.acquire()).isSameAs(next);
    }

    @Test
    void retiringTwiceReplacesThePoolOnce() {
        SessionPool pool = new SessionPool(TestEngine.engine().compiled().kieBase());
        SessionPool.Lease lease = pool.acquire();
        pool.retire(lease);
        SessionPool.Lease replacement = pool.acquire();
        pool.retire(lease);
        assertThat(pool.acquire()).isSameAs(replacement);
    }
}
