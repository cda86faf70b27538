package dev.latchkey.server.importer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DjangoValuesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			// SQLite with USE_TZ: naive UTC text, with or without microseconds
			"2024-03-01 14:30:00|2024-03-01T14:30:00Z", "2026-11-26 17:27:18.262575|2026-11-26T17:27:18.262575Z",
			// dumpdata: ISO 8601 with Z and milliseconds
			"2024-03-01T14:30:00Z|2024-03-01T14:30:00Z", "2026-11-26T17:27:18.262Z|2026-11-26T17:27:18.262Z",
			// PostgreSQL's text form, and other offsets (through the formatter)
			"2024-03-01 14:30:00+00:00|2024-03-01T14:30:00Z", "2024-03-01 16:30:00.5+02:00|2024-03-01T14:30:00.5Z",
			"2024-03-01T16:30:00+02|2024-03-01T14:30:00Z" })
	void instantWhenDjangoTextThenUtcInstant(String text, String expected) {
		assertThat(DjangoValues.instant(text)).isEqualTo(Instant.parse(expected));
	}

	@Test
	void instantWhenDriverTypesThenSameInstant() {
		Instant instant = Instant.parse("2024-03-01T14:30:00Z");
		assertThat(DjangoValues.instant(Timestamp.from(instant))).isEqualTo(instant);
		assertThat(DjangoValues.instant(instant.atOffset(ZoneOffset.ofHours(9)))).isEqualTo(instant);
		assertThat(DjangoValues.instant(LocalDateTime.ofInstant(instant, ZoneOffset.UTC))).isEqualTo(instant);
		assertThat(DjangoValues.instant(null)).isNull();
		assertThat(DjangoValues.instant(" ")).isNull();
	}

	@Test
	void instantWhenNotADatetimeThenSourceExceptionNamesTheValue() {
		assertThatExceptionOfType(DjangoSourceException.class).isThrownBy(() -> DjangoValues.instant("2024-13-45 99:00:00"))
			.withMessage("Not a datetime: '2024-13-45 99:00:00'");
	}

	@Test
	void boolWhenSqliteNumbersOrPostgresBooleansOrTextThenBoolean() {
		assertThat(DjangoValues.bool(1)).isTrue();
		assertThat(DjangoValues.bool(0L)).isFalse();
		assertThat(DjangoValues.bool(Boolean.TRUE)).isTrue();
		assertThat(DjangoValues.bool("t")).isTrue();
		assertThat(DjangoValues.bool("false")).isFalse();
		assertThat(DjangoValues.bool(null)).isFalse();
	}

}
