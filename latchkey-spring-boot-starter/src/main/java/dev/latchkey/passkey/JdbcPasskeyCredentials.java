package dev.latchkey.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Spring Security's credential records on {@code latchkey_passkey}, binary values base64url.
 */
public final class JdbcPasskeyCredentials implements UserCredentialRepository {

	private static final String COLUMNS = "credential_id, user_id, user_handle, label, credential_type, public_key, "
			+ "signature_count, uv_initialized, backup_eligible, backup_state, transports, attestation_object, "
			+ "client_data_json, created_at, last_used_at";

	private final JdbcClient jdbc;

	private final JdbcPasskeyUsers users;

	public JdbcPasskeyCredentials(JdbcClient jdbc, JdbcPasskeyUsers users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	@Override
	public void delete(Bytes credentialId) {
		this.jdbc.sql("DELETE FROM latchkey_passkey WHERE credential_id = :id").param("id", encode(credentialId)).update();
	}

	/** Delete a passkey of this user only. @return whether there was one */
	boolean delete(long userId, String credentialId) {
		return this.jdbc.sql("DELETE FROM latchkey_passkey WHERE credential_id = :id AND user_id = :user")
			.param("id", credentialId)
			.param("user", userId)
			.update() == 1;
	}

	/** A new record (registration) or the new counters of an existing one (authentication). */
	@Override
	public void save(CredentialRecord record) {
		String id = encode(record.getCredentialId());
		Instant lastUsed = (record.getLastUsed() != null) ? record.getLastUsed() : Instant.now();
		int updated = this.jdbc
			.sql("UPDATE latchkey_passkey SET signature_count = :count, backup_state = :backupState, "
					+ "last_used_at = :lastUsed WHERE credential_id = :id")
			.param("count", record.getSignatureCount())
			.param("backupState", record.isBackupState())
			.param("lastUsed", Timestamp.from(lastUsed))
			.param("id", id)
			.update();
		if (updated > 0) {
			return;
		}
		long userId = this.users.userIdOf(record.getUserEntityUserId())
			.orElseThrow(() -> new IllegalStateException("No Latchkey user has this passkey user handle"));
		Instant created = (record.getCreated() != null) ? record.getCreated() : lastUsed;
		this.jdbc.sql("INSERT INTO latchkey_passkey (" + COLUMNS + ") VALUES (:id, :userId, :handle, :label, :type, "
				+ ":publicKey, :count, :uv, :backupEligible, :backupState, :transports, :attestation, :clientData, "
				+ ":created, :lastUsed)")
			.param("id", id)
			.param("userId", userId)
			.param("handle", encode(record.getUserEntityUserId()))
			.param("label", (record.getLabel() != null) ? record.getLabel() : "")
			.param("type", record.getCredentialType().getValue())
			.param("publicKey", Base64.getUrlEncoder().withoutPadding().encodeToString(record.getPublicKey().getBytes()))
			.param("count", record.getSignatureCount())
			.param("uv", record.isUvInitialized())
			.param("backupEligible", record.isBackupEligible())
			.param("backupState", record.isBackupState())
			.param("transports", record.getTransports().stream().map(AuthenticatorTransport::getValue)
				.sorted().collect(Collectors.joining(" ")))
			.param("attestation", (record.getAttestationObject() != null) ? encode(record.getAttestationObject()) : null,
					java.sql.Types.VARCHAR)
			.param("clientData",
					(record.getAttestationClientDataJSON() != null) ? encode(record.getAttestationClientDataJSON()) : null,
					java.sql.Types.VARCHAR)
			.param("created", Timestamp.from(created))
			.param("lastUsed", Timestamp.from(lastUsed))
			.update();
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM latchkey_passkey WHERE credential_id = :id")
			.param("id", encode(credentialId))
			.query(JdbcPasskeyCredentials::mapRow)
			.optional()
			.orElse(null);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM latchkey_passkey WHERE user_handle = :handle ORDER BY created_at")
			.param("handle", encode(userId))
			.query(JdbcPasskeyCredentials::mapRow)
			.list();
	}

	/** The passkeys of a Latchkey user, oldest first. */
	List<CredentialRecord> findByLatchkeyUser(long userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM latchkey_passkey WHERE user_id = :id ORDER BY created_at")
			.param("id", userId)
			.query(JdbcPasskeyCredentials::mapRow)
			.list();
	}

	private static CredentialRecord mapRow(ResultSet rs, int row) throws SQLException {
		String transports = rs.getString("transports");
		Set<AuthenticatorTransport> parsed = transports.isBlank() ? Set.of()
				: Arrays.stream(transports.split(" ")).map(AuthenticatorTransport::valueOf).collect(Collectors.toSet());
		String attestation = rs.getString("attestation_object");
		String clientData = rs.getString("client_data_json");
		return ImmutableCredentialRecord.builder()
			.credentialId(decode(rs.getString("credential_id")))
			.userEntityUserId(decode(rs.getString("user_handle")))
			.label(rs.getString("label"))
			.credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
			.publicKey(new ImmutablePublicKeyCose(Base64.getUrlDecoder().decode(rs.getString("public_key"))))
			.signatureCount(rs.getLong("signature_count"))
			.uvInitialized(rs.getBoolean("uv_initialized"))
			.backupEligible(rs.getBoolean("backup_eligible"))
			.backupState(rs.getBoolean("backup_state"))
			.transports(parsed)
			.attestationObject((attestation != null) ? decode(attestation) : null)
			.attestationClientDataJSON((clientData != null) ? decode(clientData) : null)
			.created(rs.getTimestamp("created_at").toInstant())
			.lastUsed(rs.getTimestamp("last_used_at").toInstant())
			.build();
	}

	static String encode(Bytes bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.getBytes());
	}

	static Bytes decode(String text) {
		return new Bytes(Base64.getUrlDecoder().decode(text));
	}

}
