package dev.latchkey.server.command;

import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import dev.latchkey.token.ExpiredTokenCleaner;

/**
 * SimpleJWT's {@code flushexpiredtokens}: deletes expired refresh-token rows and sessions now,
 * instead of waiting for the server's hourly cleanup.
 */
final class FlushExpiredTokensCommand implements Command {

	private static final CommandSpec SPEC = new CommandSpec("flushexpiredtokens",
			"Delete expired refresh tokens and sessions.", """
					Usage: flushexpiredtokens [--spring.property=value ...]

					Delete every refresh-token row and session that has expired, in small batches.
					A running server does the same every latchkey.sessions.cleanup-interval (1h).

					Options:
					  -h, --help        show this help

					Exit codes: 0 done, 1 the database could not be reached, 2 bad arguments.""",
			Set.of(), Set.of(), 0);

	@Override
	public CommandSpec spec() {
		return SPEC;
	}

	@Override
	public int run(CommandLine line, CommandIo io) {
		try (ConfigurableApplicationContext context = CommandApplication.start(line)) {
			int deleted = context.getBean(ExpiredTokenCleaner.class).flushExpired();
			io.out().println("Deleted " + deleted + " expired refresh tokens.");
			return 0;
		}
	}

}
