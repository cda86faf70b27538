package dev.latchkey.mfa;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The QR encoder's structure: the version chosen for the length, the finder and timing patterns,
 * and format information that is a valid BCH code word for level M (what a reader checks
 * first).
 */
class QrCodeTests {

	@Test
	void versionGrowsWithTheText() {
		assertThat(QrCode.encode("a".repeat(14)).version()).isEqualTo(1);
		assertThat(QrCode.encode("a".repeat(15)).version()).isEqualTo(2);
		String uri = "otpauth://totp/Latchkey:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Latchkey&algorithm=SHA1&digits=6&period=30";
		QrCode qr = QrCode.encode(uri);
		assertThat(qr.version()).isEqualTo(7);
		assertThat(qr.size()).isEqualTo(45);
		assertThat(QrCode.encode("a".repeat(300)).version()).isEqualTo(13);
		assertThat(QrCode.encode("a".repeat(666)).version()).isEqualTo(20);
		assertThatIllegalArgumentException().isThrownBy(() -> QrCode.encode("a".repeat(667)));
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(ints = { 60, 120, 300, 600 })
	void functionPatternsAndFormatInformationAreThere(int length) {
		QrCode qr = QrCode.encode("otpauth://totp/Latchkey:" + "b".repeat(length));
		int n = qr.size();
		for (int[] corner : new int[][] { { 0, 0 }, { n - 7, 0 }, { 0, n - 7 } }) {
			for (int i = 0; i < 7; i++) {
				assertThat(qr.isDark(corner[0] + i, corner[1])).isTrue();
				assertThat(qr.isDark(corner[0] + i, corner[1] + 6)).isTrue();
				assertThat(qr.isDark(corner[0], corner[1] + i)).isTrue();
			}
			assertThat(qr.isDark(corner[0] + 1, corner[1] + 1)).isFalse();
			assertThat(qr.isDark(corner[0] + 3, corner[1] + 3)).isTrue();
		}
		for (int i = 8; i < n - 8; i++) {
			assertThat(qr.isDark(i, 6)).isEqualTo(i % 2 == 0);
			assertThat(qr.isDark(6, i)).isEqualTo(i % 2 == 0);
		}
		assertThat(qr.isDark(8, n - 8)).isTrue();
		// Format bits around the top-left finder: bits 0-5 down column 8, then (8,7), (8,8), (7,8), then row 8.
		int format = 0;
		int[][] positions = { { 8, 0 }, { 8, 1 }, { 8, 2 }, { 8, 3 }, { 8, 4 }, { 8, 5 }, { 8, 7 }, { 8, 8 }, { 7, 8 },
				{ 5, 8 }, { 4, 8 }, { 3, 8 }, { 2, 8 }, { 1, 8 }, { 0, 8 } };
		for (int i = 0; i < 15; i++) {
			if (qr.isDark(positions[i][0], positions[i][1])) {
				format |= 1 << i;
			}
		}
		int unmasked = format ^ 0x5412;
		int remainder = unmasked;
		for (int i = 14; i >= 10; i--) {
			if (((remainder >>> i) & 1) != 0) {
				remainder ^= 0x537 << (i - 10);
			}
		}
		assertThat(remainder).as("BCH(15,5) remainder of the format information").isZero();
		assertThat(unmasked >>> 13).as("error correction level M").isZero();
		// The second copy holds the same bits.
		int second = 0;
		for (int i = 0; i < 8; i++) {
			if (qr.isDark(n - 1 - i, 8)) {
				second |= 1 << i;
			}
		}
		for (int i = 8; i < 15; i++) {
			if (qr.isDark(8, n - 15 + i)) {
				second |= 1 << i;
			}
		}
		assertThat(second).isEqualTo(format);
	}

	@Test
	void svgIsOneDocumentWithAQuietZone() {
		String svg = QrCode.encode("hello").toSvg(4);

		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("viewBox=\"0 0 29 29\"")
			.endsWith("</svg>").doesNotContain("<script");
	}

}
