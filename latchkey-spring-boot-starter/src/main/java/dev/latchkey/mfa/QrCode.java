package dev.latchkey.mfa;

import java.nio.charset.StandardCharsets;

/**
 * A QR code (ISO/IEC 18004) of a short text, for the {@code otpauth://} key URI of a TOTP
 * enrolment: byte mode, error correction level M, versions 1 to 20 (up to 666 bytes), rendered as
 * an SVG document. No QR library is available to the project, so this is the standard's
 * construction written out: Reed-Solomon over GF(256), the function patterns, the zigzag
 * placement and the lowest-penalty mask.
 */
public final class QrCode {

	/** Error-correction codewords per block, level M, versions 1 to 20 (index 0 unused). */
	private static final int[] ECC_PER_BLOCK = { -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28,
			28, 26, 26, 26 };

	/** Error-correction blocks, level M, versions 1 to 20. */
	private static final int[] BLOCKS = { -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16 };

	/** The largest version supported. */
	static final int MAX_VERSION = 20;

	/** Level M's two format bits. */
	private static final int FORMAT_BITS_M = 0;

	private final int version;

	private final int size;

	private final boolean[][] modules;

	private final boolean[][] function;

	private QrCode(int version) {
		this.version = version;
		this.size = version * 4 + 17;
		this.modules = new boolean[this.size][this.size];
		this.function = new boolean[this.size][this.size];
	}

	/**
	 * @param text the text, encoded as UTF-8 bytes
	 * @throws IllegalArgumentException if it does not fit version 20 (666 bytes)
	 */
	public static QrCode encode(String text) {
		byte[] data = text.getBytes(StandardCharsets.UTF_8);
		for (int version = 1; version <= MAX_VERSION; version++) {
			int countBits = (version <= 9) ? 8 : 16;
			int capacityBits = dataCodewords(version) * 8;
			if (4 + countBits + data.length * 8 <= capacityBits) {
				QrCode qr = new QrCode(version);
				qr.draw(codewords(data, version, countBits));
				return qr;
			}
		}
		throw new IllegalArgumentException("Text too long for a QR code of version " + MAX_VERSION);
	}

	/** Modules per side. */
	public int size() {
		return this.size;
	}

	public int version() {
		return this.version;
	}

	/** Whether the module at column {@code x}, row {@code y} is dark. */
	public boolean isDark(int x, int y) {
		return x >= 0 && y >= 0 && x < this.size && y < this.size && this.modules[y][x];
	}

	/**
	 * An SVG document: one path of dark squares on white, with a quiet zone.
	 * @param border the quiet zone in modules (the standard asks 4)
	 */
	public String toSvg(int border) {
		int dimension = this.size + border * 2;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < this.size; y++) {
			for (int x = 0; x < this.size; x++) {
				if (this.modules[y][x]) {
					path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + dimension + " " + dimension
				+ "\" stroke=\"none\"><rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/><path d=\"" + path
				+ "\" fill=\"#000000\"/></svg>";
	}

	// ---- codewords

	private static int rawCodewords(int version) {
		int bits = (16 * version + 128) * version + 64;
		if (version >= 2) {
			int alignments = version / 7 + 2;
			bits -= (25 * alignments - 10) * alignments - 55;
			if (version >= 7) {
				bits -= 36;
			}
		}
		return bits / 8;
	}

	private static int dataCodewords(int version) {
		return rawCodewords(version) - ECC_PER_BLOCK[version] * BLOCKS[version];
	}

	private static byte[] codewords(byte[] data, int version, int countBits) {
		int capacity = dataCodewords(version);
		BitBuffer bits = new BitBuffer(capacity * 8);
		bits.append(0b0100, 4);
		bits.append(data.length, countBits);
		for (byte b : data) {
			bits.append(b & 0xff, 8);
		}
		bits.append(0, Math.min(4, capacity * 8 - bits.length));
		bits.append(0, (8 - bits.length % 8) % 8);
		for (int pad = 0xEC; bits.length < capacity * 8; pad ^= 0xEC ^ 0x11) {
			bits.append(pad, 8);
		}
		byte[] dataCodewords = bits.bytes();
		return interleaveWithEcc(dataCodewords, version);
	}

	private static byte[] interleaveWithEcc(byte[] data, int version) {
		int blocks = BLOCKS[version];
		int ecc = ECC_PER_BLOCK[version];
		int raw = rawCodewords(version);
		int shortBlocks = blocks - raw % blocks;
		int shortLength = raw / blocks;
		byte[][] all = new byte[blocks][];
		byte[] divisor = reedSolomonDivisor(ecc);
		for (int i = 0, k = 0; i < blocks; i++) {
			int dataLength = shortLength - ecc + ((i < shortBlocks) ? 0 : 1);
			byte[] block = new byte[shortLength + 1];
			System.arraycopy(data, k, block, 0, dataLength);
			k += dataLength;
			byte[] remainder = reedSolomonRemainder(block, dataLength, divisor);
			// Short blocks keep a gap at shortLength - ecc so that all blocks align.
			System.arraycopy(remainder, 0, block, shortLength + 1 - ecc, ecc);
			all[i] = block;
		}
		byte[] result = new byte[raw];
		int n = 0;
		for (int i = 0; i <= shortLength; i++) {
			for (int j = 0; j < blocks; j++) {
				if (i != shortLength - ecc || j >= shortBlocks) {
					result[n++] = all[j][i];
				}
			}
		}
		return result;
	}

	private static byte[] reedSolomonDivisor(int degree) {
		byte[] result = new byte[degree];
		result[degree - 1] = 1;
		int root = 1;
		for (int i = 0; i < degree; i++) {
			for (int j = 0; j < result.length; j++) {
				result[j] = (byte) multiply(result[j] & 0xff, root);
				if (j + 1 < result.length) {
					result[j] ^= result[j + 1];
				}
			}
			root = multiply(root, 0x02);
		}
		return result;
	}

	private static byte[] reedSolomonRemainder(byte[] data, int length, byte[] divisor) {
		byte[] result = new byte[divisor.length];
		for (int k = 0; k < length; k++) {
			int factor = (data[k] ^ result[0]) & 0xff;
			System.arraycopy(result, 1, result, 0, result.length - 1);
			result[result.length - 1] = 0;
			for (int i = 0; i < result.length; i++) {
				result[i] ^= (byte) multiply(divisor[i] & 0xff, factor);
			}
		}
		return result;
	}

	/** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1. */
	static int multiply(int x, int y) {
		int z = 0;
		for (int i = 7; i >= 0; i--) {
			z = (z << 1) ^ ((z >>> 7) * 0x11D);
			z ^= ((y >>> i) & 1) * x;
		}
		return z & 0xff;
	}

	// ---- modules

	private void draw(byte[] codewords) {
		drawFunctionPatterns();
		placeCodewords(codewords);
		int best = 0;
		int bestPenalty = Integer.MAX_VALUE;
		for (int mask = 0; mask < 8; mask++) {
			applyMask(mask);
			drawFormatBits(mask);
			int penalty = penalty();
			if (penalty < bestPenalty) {
				best = mask;
				bestPenalty = penalty;
			}
			applyMask(mask);
		}
		applyMask(best);
		drawFormatBits(best);
	}

	private void drawFunctionPatterns() {
		for (int i = 0; i < this.size; i++) {
			set(6, i, i % 2 == 0);
			set(i, 6, i % 2 == 0);
		}
		finder(3, 3);
		finder(this.size - 4, 3);
		finder(3, this.size - 4);
		int[] positions = alignmentPositions();
		int count = positions.length;
		for (int i = 0; i < count; i++) {
			for (int j = 0; j < count; j++) {
				boolean corner = (i == 0 && j == 0) || (i == 0 && j == count - 1) || (i == count - 1 && j == 0);
				if (!corner) {
					alignment(positions[i], positions[j]);
				}
			}
		}
		drawFormatBits(0);
		drawVersion();
	}

	private int[] alignmentPositions() {
		if (this.version == 1) {
			return new int[0];
		}
		int count = this.version / 7 + 2;
		int step = (this.version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
		int[] result = new int[count];
		result[0] = 6;
		for (int i = result.length - 1, position = this.size - 7; i >= 1; i--, position -= step) {
			result[i] = position;
		}
		return result;
	}

	private void finder(int x, int y) {
		for (int dy = -4; dy <= 4; dy++) {
			for (int dx = -4; dx <= 4; dx++) {
				int distance = Math.max(Math.abs(dx), Math.abs(dy));
				int xx = x + dx;
				int yy = y + dy;
				if (xx >= 0 && xx < this.size && yy >= 0 && yy < this.size) {
					set(xx, yy, distance != 2 && distance != 4);
				}
			}
		}
	}

	private void alignment(int x, int y) {
		for (int dy = -2; dy <= 2; dy++) {
			for (int dx = -2; dx <= 2; dx++) {
				set(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
			}
		}
	}

	private void drawFormatBits(int mask) {
		int data = FORMAT_BITS_M << 3 | mask;
		int remainder = data;
		for (int i = 0; i < 10; i++) {
			remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
		}
		int bits = (data << 10 | remainder) ^ 0x5412;
		for (int i = 0; i <= 5; i++) {
			set(8, i, bit(bits, i));
		}
		set(8, 7, bit(bits, 6));
		set(8, 8, bit(bits, 7));
		set(7, 8, bit(bits, 8));
		for (int i = 9; i < 15; i++) {
			set(14 - i, 8, bit(bits, i));
		}
		for (int i = 0; i < 8; i++) {
			set(this.size - 1 - i, 8, bit(bits, i));
		}
		for (int i = 8; i < 15; i++) {
			set(8, this.size - 15 + i, bit(bits, i));
		}
		set(8, this.size - 8, true);
	}

	private void drawVersion() {
		if (this.version < 7) {
			return;
		}
		int remainder = this.version;
		for (int i = 0; i < 12; i++) {
			remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1F25);
		}
		int bits = this.version << 12 | remainder;
		for (int i = 0; i < 18; i++) {
			boolean dark = bit(bits, i);
			int a = this.size - 11 + i % 3;
			int b = i / 3;
			set(a, b, dark);
			set(b, a, dark);
		}
	}

	private void placeCodewords(byte[] codewords) {
		int i = 0;
		for (int right = this.size - 1; right >= 1; right -= 2) {
			if (right == 6) {
				right = 5;
			}
			for (int vertical = 0; vertical < this.size; vertical++) {
				for (int j = 0; j < 2; j++) {
					int x = right - j;
					boolean upward = ((right + 1) & 2) == 0;
					int y = upward ? this.size - 1 - vertical : vertical;
					if (!this.function[y][x] && i < codewords.length * 8) {
						this.modules[y][x] = bit(codewords[i >>> 3], 7 - (i & 7));
						i++;
					}
				}
			}
		}
	}

	private void applyMask(int mask) {
		for (int y = 0; y < this.size; y++) {
			for (int x = 0; x < this.size; x++) {
				boolean invert = switch (mask) {
					case 0 -> (x + y) % 2 == 0;
					case 1 -> y % 2 == 0;
					case 2 -> x % 3 == 0;
					case 3 -> (x + y) % 3 == 0;
					case 4 -> (x / 3 + y / 2) % 2 == 0;
					case 5 -> x * y % 2 + x * y % 3 == 0;
					case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
					default -> ((x + y) % 2 + x * y % 3) % 2 == 0;
				};
				this.modules[y][x] ^= invert && !this.function[y][x];
			}
		}
	}

	/** The standard's penalty rules 1 (runs), 2 (2x2 blocks) and 4 (balance); rule 3 left out. */
	private int penalty() {
		int result = 0;
		for (int y = 0; y < this.size; y++) {
			result += runs(y, true);
		}
		for (int x = 0; x < this.size; x++) {
			result += runs(x, false);
		}
		int dark = 0;
		for (int y = 0; y < this.size; y++) {
			for (int x = 0; x < this.size; x++) {
				boolean color = this.modules[y][x];
				if (color) {
					dark++;
				}
				if (x + 1 < this.size && y + 1 < this.size && color == this.modules[y][x + 1]
						&& color == this.modules[y + 1][x] && color == this.modules[y + 1][x + 1]) {
					result += 3;
				}
			}
		}
		int total = this.size * this.size;
		int k = (Math.abs(dark * 20 - total * 10) + total - 1) / total - 1;
		return result + Math.max(0, k) * 10;
	}

	private int runs(int line, boolean row) {
		int result = 0;
		int run = 0;
		boolean previous = false;
		for (int i = 0; i < this.size; i++) {
			boolean color = row ? this.modules[line][i] : this.modules[i][line];
			if (i > 0 && color == previous) {
				run++;
			}
			else {
				result += (run >= 5) ? run - 2 : 0;
				run = 1;
			}
			previous = color;
		}
		return result + ((run >= 5) ? run - 2 : 0);
	}

	private void set(int x, int y, boolean dark) {
		this.modules[y][x] = dark;
		this.function[y][x] = true;
	}

	private static boolean bit(int value, int index) {
		return ((value >>> index) & 1) != 0;
	}

	private static final class BitBuffer {

		private final byte[] bytes;

		private int length;

		BitBuffer(int capacityBits) {
			this.bytes = new byte[(capacityBits + 7) / 8];
		}

		void append(int value, int count) {
			for (int i = count - 1; i >= 0; i--) {
				if (((value >>> i) & 1) != 0) {
					this.bytes[this.length >>> 3] |= (byte) (0x80 >>> (this.length & 7));
				}
				this.length++;
			}
		}

		byte[] bytes() {
			return this.bytes.clone();
		}

	}

}
