package dev.latchkey.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link MailOutbox} on the {@code latchkey_mail_outbox} table. A claim is an update guarded by
 * the attempt count read, so two instances never send the same row within one lease.
 */
public final class JdbcMailOutbox implements MailOutbox {

	private static final String INSERT = """
			INSERT INTO latchkey_mail_outbox (recipient, subject, text_body, html_body, created_at, attempts, next_attempt_at)
			VALUES (:recipient, :subject, :text, :html, :now, 0, :now)""";

	private static final String FIND_DUE = """
			SELECT id, recipient, subject, text_body, html_body, attempts FROM latchkey_mail_outbox
			WHERE sent_at IS NULL AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit""";

	private static final String CLAIM = """
			UPDATE latchkey_mail_outbox SET attempts = attempts + 1, next_attempt_at = :leaseUntil
			WHERE id = :id AND attempts = :attempts AND sent_at IS NULL""";

	private static final String MARK_SENT = """
			UPDATE latchkey_mail_outbox SET sent_at = :now, text_body = '', html_body = NULL, last_error = NULL
			WHERE id = :id""";

	private static final String MARK_FAILED = """
			UPDATE latchkey_mail_outbox SET next_attempt_at = :next, last_error = :error WHERE id = :id AND sent_at IS NULL""";

	private static final int MAX_ERROR_LENGTH = 1000;

	private final JdbcClient jdbc;

	public JdbcMailOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void enqueue(OutgoingMail mail, Instant now) {
		this.jdbc.sql(INSERT)
			.param("recipient", mail.to())
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("now", Timestamp.from(now))
			.update();
	}

	@Override
	public List<OutboxMessage> claimDue(Instant now, Instant leaseUntil, int limit) {
		List<OutboxMessage> due = this.jdbc.sql(FIND_DUE)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, row) -> new OutboxMessage(rs.getLong("id"), rs.getInt("attempts"),
					new OutgoingMail(rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
							rs.getString("html_body"))))
			.list();
		List<OutboxMessage> claimed = new ArrayList<>();
		for (OutboxMessage message : due) {
			int updated = this.jdbc.sql(CLAIM)
				.param("leaseUntil", Timestamp.from(leaseUntil))
				.param("id", message.id())
				.param("attempts", message.attempts())
				.update();
			if (updated == 1) {
				claimed.add(new OutboxMessage(message.id(), message.attempts() + 1, message.mail()));
			}
		}
		return claimed;
	}

	@Override
	public void markSent(long id, Instant now) {
		this.jdbc.sql(MARK_SENT).param("now", Timestamp.from(now)).param("id", id).update();
	}

	@Override
	public void markFailed(long id, Instant nextAttempt, String error) {
		String trimmed = (error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
		this.jdbc.sql(MARK_FAILED).param("next", Timestamp.from(nextAttempt)).param("error", trimmed).param("id", id).update();
	}

}
