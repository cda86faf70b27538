package dev.latchkey.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts second-factor secrets at rest: AES-256-GCM through the JDK, a random 96-bit nonce per
 * encryption, the owner's id as associated data (a secret copied to another user's row does not
 * decrypt). The key is {@code latchkey.mfa.encryption-key}, never the token signing key. It also
 * derives the key of the recovery codes' HMAC, so a stolen database alone does not let anyone
 * test guesses of them.
 */
public final class SecretCipher {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final byte[] codeKey;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param key 32 bytes (AES-256)
	 */
	public SecretCipher(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("The MFA encryption key must be 32 bytes (256 bits), base64 encoded");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
		this.codeKey = hmac(key, "latchkey recovery codes".getBytes(StandardCharsets.US_ASCII));
	}

	/** {@code v1:} and the base64 of nonce and ciphertext (tag included). */
	public String encrypt(byte[] plaintext, long ownerId) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(ownerId));
			byte[] sealed = cipher.doFinal(plaintext);
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * @throws IllegalStateException if the value was not encrypted with this key for this owner
	 */
	public byte[] decrypt(String stored, long ownerId) {
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("Unknown format of an encrypted secret");
		}
		byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData(ownerId));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			// Wrong key (latchkey.mfa.encryption-key changed) or a tampered row.
			throw new IllegalStateException("A second-factor secret does not decrypt with latchkey.mfa.encryption-key");
		}
	}

	/** HMAC-SHA-256 of a recovery code with the key derived for them, as 64 hex digits. */
	public String codeHash(String code) {
		return java.util.HexFormat.of().formatHex(hmac(this.codeKey, code.getBytes(StandardCharsets.US_ASCII)));
	}

	private static byte[] associatedData(long ownerId) {
		return ("latchkey totp " + ownerId).getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", ex);
		}
	}

}
