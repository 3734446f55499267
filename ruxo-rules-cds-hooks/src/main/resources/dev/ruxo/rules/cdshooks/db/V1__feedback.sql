-- Cards the service answered with: one row per card uuid (stable per hook instance and rule).
CREATE TABLE card_shown (
    card_uuid   VARCHAR(100) PRIMARY KEY,
    rule_id     VARCHAR(100) NOT NULL,
    service_id  VARCHAR(60)  NOT NULL,
    indicator   VARCHAR(10)  NOT NULL,
    shown_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX card_shown_rule ON card_shown (rule_id);

-- What the clinician did with a card, as the EHR reported it through the feedback endpoint.
CREATE TABLE feedback (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    card_uuid            VARCHAR(100) NOT NULL,
    service_id           VARCHAR(60)  NOT NULL,
    outcome              VARCHAR(12)  NOT NULL,
    override_system      VARCHAR(300),
    override_code        VARCHAR(100),
    override_display     VARCHAR(300),
    user_comment         VARCHAR(2000),
    accepted_suggestions VARCHAR(1000),
    outcome_time         TIMESTAMP WITH TIME ZONE,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX feedback_card ON feedback (card_uuid);
