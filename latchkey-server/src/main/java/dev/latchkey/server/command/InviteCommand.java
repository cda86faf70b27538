package dev.latchkey.server.command;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import dev.latchkey.account.Site;
import dev.latchkey.account.SignUpPolicy;
import dev.latchkey.autoconfigure.LatchkeyAccountProperties;
import dev.latchkey.user.EmailRules;

/**
 * Invites an address to sign up ({@code latchkey.account.sign-up=invite}), as an operator with a
 * superuser's rights: the invitation and its mail go into the database, and the running server's
 * outbox sends the mail.
 */
final class InviteCommand implements Command {

	private static final CommandSpec SPEC = new CommandSpec("invite", "Invite an email address to sign up.", """
			Usage: invite --email ADDRESS [--spring.property=value ...]

			Store an invitation for ADDRESS and queue its mail; the running server sends it
			(through spring.mail.*, or into latchkey.mail.file-directory). The link points at
			latchkey.account.site-url (http://localhost:8000 when not set).

			Options:
			  --email ADDRESS   the address to invite
			  -h, --help        show this help

			Exit codes: 0 queued, 1 the database could not be reached, 2 bad arguments.""",
			Set.of(), Set.of("email"), 0);

	@Override
	public CommandSpec spec() {
		return SPEC;
	}

	@Override
	public int run(CommandLine line, CommandIo io) {
		String email = line.value("email").orElseThrow(() -> new UsageException("option --email is required"));
		if (!EmailRules.isValid(email)) {
			throw new UsageException("'" + email + "' is not a valid email address");
		}
		try (ConfigurableApplicationContext context = CommandApplication.start(line)) {
			LatchkeyAccountProperties properties = context.getBean(LatchkeyAccountProperties.class);
			URI url = (properties.siteUrl() != null) ? properties.siteUrl() : URI.create("http://localhost:8000");
			Site site = new Site(url.getScheme(), url.getRawAuthority(), properties.siteName());
			Instant expires = context.getBean(SignUpPolicy.class).invite(null, email, site);
			io.out().println("Invitation for " + email + " queued; it expires " + expires + ".");
			return 0;
		}
	}

}
