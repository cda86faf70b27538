package dev.latchkey.server.importer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the values Django writes, whatever the database made of them: SQLite keeps datetimes as
 * text ({@code 2024-03-01 14:30:00.262575}, UTC when {@code USE_TZ = True}) and booleans as 0/1,
 * PostgreSQL has real types, {@code dumpdata} writes ISO 8601 with {@code Z}.
 */
final class DjangoValues {

	// "2024-03-01 14:30:00", "2024-03-01T14:30:00.262Z", "2024-03-01 14:30:00.262575+00:00"
	private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart().appendLiteral('T').optionalEnd()
		.optionalStart().appendLiteral(' ').optionalEnd()
		.append(DateTimeFormatter.ISO_LOCAL_TIME)
		.optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
		.optionalStart().appendOffset("+HH", "Z").optionalEnd()
		.toFormatter();

	private DjangoValues() {
	}

	/**
	 * @param value what the driver or the JSON gave for a datetime column
	 * @return the instant, naive values read as UTC (Django's storage with {@code USE_TZ}); null for null
	 */
	static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toInstant();
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.toInstant(ZoneOffset.UTC);
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant();
		}
		String text = value.toString().strip();
		if (text.isEmpty()) {
			return null;
		}
		Instant fast = utcFast(text);
		if (fast != null) {
			return fast;
		}
		try {
			TemporalAccessor parsed = DATETIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
			return (parsed instanceof OffsetDateTime dateTime) ? dateTime.toInstant()
					: ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new DjangoSourceException("Not a datetime: '" + text + "'", ex);
		}
	}

	/**
	 * The layouts Django writes, read without a formatter (an import reads hundreds of thousands):
	 * {@code yyyy-MM-dd HH:mm:ss}, {@code T} for the space, up to 9 fraction digits, then nothing,
	 * {@code Z} or {@code +00:00}. Anything else (another offset included) returns {@code null}.
	 */
	private static Instant utcFast(String text) {
		int length = text.length();
		if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':'
				|| text.charAt(16) != ':' || (text.charAt(10) != ' ' && text.charAt(10) != 'T')) {
			return null;
		}
		int end = length;
		if (text.endsWith("Z")) {
			end = length - 1;
		}
		else if (text.endsWith("+00:00")) {
			end = length - 6;
		}
		int nanos = 0;
		if (end > 19) {
			if (text.charAt(19) != '.' || end - 20 > 9 || end == 20) {
				return null;
			}
			int fraction = digits(text, 20, end);
			if (fraction < 0) {
				return null;
			}
			nanos = fraction * (int) Math.pow(10, 9 - (end - 20));
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	/** The decimal number in {@code text[from, to)}, or -1 if any character is not a digit. */
	private static int digits(String text, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

	/** A boolean column: Java boolean, a number (SQLite's 0/1), or text ("true", "t", "1"). */
	static boolean bool(Object value) {
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof Number number) {
			return number.longValue() != 0;
		}
		String text = value.toString().strip().toLowerCase(java.util.Locale.ROOT);
		return text.equals("true") || text.equals("t") || text.equals("1");
	}

	/** A text column, {@code null} kept as {@code null}. */
	static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
