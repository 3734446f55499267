package dev.ruxo.rules.cdshooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback database: the cards shown and the feedback on them, in an embedded H2 file whose schema Flyway
 * migrates. Cards shown are written by a background thread in batches, so a hook answer never waits for the disk;
 * feedback is written before the feedback call is answered. Thread safe; close it to flush and release the file.
 *
 * @since 0.1.0
 */
public final class FeedbackStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackStore.class);
    private static final int QUEUE = 20_000;

    private final JdbcConnectionPool pool;
    private final Clock clock;
    private final BlockingQueue<ShownCard> pending = new ArrayBlockingQueue<>(QUEUE);
    private final Object writeLock = new Object();
    private final Thread writer;
    private volatile boolean closed;
    private volatile long dropped;

    private FeedbackStore(JdbcConnectionPool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "ruxo-feedback-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Opens (creating when absent) and migrates the database.
     *
     * @param file the database file; {@code .mv.db} is added when missing, as H2 names its files
     * @return the store
     * @throws FeedbackStoreException when the file cannot be opened, for example while a running service holds it
     */
    public static FeedbackStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    static FeedbackStore open(Path file, Clock clock) {
        String url = "jdbc:h2:file:" + h2Base(file) + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "ruxo", "");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:dev/ruxo/rules/cdshooks/db")
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (Exception e) {
            pool.dispose();
            throw new FeedbackStoreException("cannot open the feedback database " + file.toAbsolutePath() + ": "
                    + rootMessage(e), e);
        }
        return new FeedbackStore(pool, clock);
    }

    /** The H2 database name for {@code file}: absolute, without the {@code .mv.db} H2 adds itself. */
    static String h2Base(Path file) {
        String text = file.toAbsolutePath().normalize().toString();
        return text.endsWith(".mv.db") ? text.substring(0, text.length() - ".mv.db".length()) : text;
    }

    /**
     * Records cards as shown, in the background.
     *
     * @param cards the cards of one hook answer
     */
    void recordShown(List<ShownCard> cards) {
        for (ShownCard card : cards) {
            if (!pending.offer(card)) {
                dropped++;
                if (dropped % 1000 == 1) {
                    LOG.warn("feedback writer behind: {} shown cards not recorded so far", dropped);
                }
            }
        }
    }

    /**
     * Stores feedback items, in one transaction.
     *
     * @param entries the items
     * @throws FeedbackStoreException when the database fails
     */
    public void store(List<FeedbackEntry> entries) {
        Instant now = clock.instant();
        try (Connection c = pool.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO feedback (card_uuid, service_id, outcome,"
                     + " override_system, override_code, override_display, user_comment, accepted_suggestions,"
                     + " outcome_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (FeedbackEntry e : entries) {
                insert.setString(1, e.cardUuid());
                insert.setString(2, e.serviceId());
                insert.setString(3, e.outcome());
                insert.setString(4, e.overrideSystem());
                insert.setString(5, e.overrideCode());
                insert.setString(6, e.overrideDisplay());
                insert.setString(7, e.userComment());
                insert.setString(8, e.acceptedSuggestions().isEmpty() ? null : String.join(",", e.acceptedSuggestions()));
                insert.setTimestamp(9, e.outcomeTime() == null ? null : Timestamp.from(e.outcomeTime()));
                insert.setTimestamp(10, Timestamp.from(now));
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new FeedbackStoreException("cannot store feedback: " + e.getMessage(), e);
        }
    }

    /**
     * The report per rule; first writes the cards still waiting in the background.
     *
     * @return the summary
     * @throws FeedbackStoreException when the database fails
     */
    public FeedbackSummary summary() {
        flush();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, List<FeedbackSummary.Reason>> reasons = new LinkedHashMap<>();
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT rule_id, COUNT(*) FROM card_shown GROUP BY rule_id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.computeIfAbsent(r.getString(1), k -> new long[3])[0] = r.getLong(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT rule, outcome, COUNT(*) FROM ("
                    + "SELECT COALESCE(s.rule_id, ?) AS rule, f.outcome AS outcome FROM feedback f"
                    + " LEFT JOIN card_shown s ON s.card_uuid = f.card_uuid) t GROUP BY rule, outcome")) {
                s.setString(1, FeedbackSummary.UNKNOWN_CARD);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long[] row = counts.computeIfAbsent(r.getString(1), k -> new long[3]);
                        if ("accepted".equals(r.getString(2))) {
                            row[1] += r.getLong(3);
                        } else if ("overridden".equals(r.getString(2))) {
                            row[2] += r.getLong(3);
                        }
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT rule, code, MAX(display), COUNT(*) AS n FROM ("
                    + "SELECT COALESCE(s.rule_id, ?) AS rule, COALESCE(f.override_code, '(none)') AS code,"
                    + " f.override_display AS display FROM feedback f LEFT JOIN card_shown s"
                    + " ON s.card_uuid = f.card_uuid WHERE f.outcome = 'overridden') t"
                    + " GROUP BY rule, code ORDER BY rule, n DESC, code")) {
                s.setString(1, FeedbackSummary.UNKNOWN_CARD);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        List<FeedbackSummary.Reason> list = reasons.computeIfAbsent(r.getString(1), k -> new ArrayList<>());
                        if (list.size() < 3) {
                            list.add(new FeedbackSummary.Reason(r.getString(2), r.getString(3), r.getLong(4)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new FeedbackStoreException("cannot read feedback: " + e.getMessage(), e);
        }
        List<FeedbackSummary.RuleFeedback> rules = new ArrayList<>();
        counts.forEach((rule, n) -> rules.add(new FeedbackSummary.RuleFeedback(rule, n[0], n[1], n[2],
                reasons.getOrDefault(rule, List.of()))));
        rules.sort((a, b) -> a.shown() != b.shown() ? Long.compare(b.shown(), a.shown())
                : a.ruleId().compareTo(b.ruleId()));
        return new FeedbackSummary(rules);
    }

    /** Writes every card waiting in the queue. */
    void flush() {
        synchronized (writeLock) {
            List<ShownCard> batch = new ArrayList<>();
            pending.drainTo(batch);
            write(batch);
        }
    }

    private void writeLoop() {
        while (!closed) {
            try {
                ShownCard first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                synchronized (writeLock) {
                    List<ShownCard> batch = new ArrayList<>();
                    batch.add(first);
                    pending.drainTo(batch, 999);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("cannot record shown cards: {}", rootMessage(e));
            }
        }
    }

    private void write(List<ShownCard> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = pool.getConnection();
             PreparedStatement merge = c.prepareStatement("MERGE INTO card_shown (card_uuid, rule_id, service_id,"
                     + " indicator, shown_at) KEY (card_uuid) VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (ShownCard card : batch) {
                merge.setString(1, card.cardUuid());
                merge.setString(2, card.ruleId());
                merge.setString(3, card.serviceId());
                merge.setString(4, card.indicator());
                merge.setTimestamp(5, Timestamp.from(card.shownAt()));
                merge.addBatch();
            }
            merge.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new FeedbackStoreException("cannot record shown cards: " + e.getMessage(), e);
        }
    }

    /** Writes what is pending and releases the database file. */
    @Override
    public void close() {
        // No interrupt: an interrupted H2 write closes the database file.
        closed = true;
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("cannot record shown cards at close: {}", rootMessage(e));
        }
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SHUTDOWN")) {
            s.execute();
        } catch (SQLException e) {
            LOG.debug("shutdown of the feedback database: {}", e.getMessage());
        }
        pool.dispose();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * A card as shown.
     *
     * @param cardUuid  its uuid
     * @param ruleId    the rule whose finding it shows
     * @param serviceId the service that answered
     * @param indicator info, warning or critical
     * @param shownAt   when
     */
    record ShownCard(String cardUuid, String ruleId, String serviceId, String indicator, Instant shownAt) {
    }

    /** The feedback database failed or could not be opened. */
    public static final class FeedbackStoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FeedbackStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
