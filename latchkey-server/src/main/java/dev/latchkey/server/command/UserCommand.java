package dev.latchkey.server.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.token.UserSessions;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;
import dev.latchkey.user.UsernameRules;

/**
 * {@code user set USERNAME --staff|--no-staff --superuser|--no-superuser --active|--inactive}:
 * Django admin's user flags without SQL. Deactivating a user also ends every session of theirs.
 */
final class UserCommand implements Command {

	private static final String UPDATE = """
			UPDATE latchkey_user SET is_staff = :staff, is_superuser = :superuser, is_active = :active WHERE id = :id""";

	private static final CommandSpec SPEC = new CommandSpec("user", "Set a user's staff, superuser and active flags.",
			"""
					Usage: user set USERNAME [--staff|--no-staff] [--superuser|--no-superuser]
					                         [--active|--inactive] [--spring.property=value ...]

					Change the flags of USERNAME and print them. Staff users get ROLE_STAFF, superusers
					ROLE_SUPERUSER; an inactive user cannot log in, and deactivating ends every session
					(refresh tokens at once, access tokens within a second). Without a flag, prints them.

					Exit codes: 0 done, 1 unknown user, 2 bad arguments.""",
			Set.of("staff", "no-staff", "superuser", "no-superuser", "active", "inactive"), Set.of(), 2);

	@Override
	public CommandSpec spec() {
		return SPEC;
	}

	@Override
	public int run(CommandLine line, CommandIo io) {
		if (line.positionals().size() != 2 || !line.positionals().get(0).equals("set")) {
			throw new UsageException("expected: user set USERNAME [flags]");
		}
		Boolean staff = choice(line, "staff", "no-staff");
		Boolean superuser = choice(line, "superuser", "no-superuser");
		Boolean active = choice(line, "active", "inactive");
		String username = UsernameRules.normalize(line.positionals().get(1));
		try (ConfigurableApplicationContext context = CommandApplication.start(line)) {
			User user = context.getBean(UserRepository.class)
				.findByUsername(username)
				.orElseThrow(() -> new CommandException("user '" + username + "' does not exist"));
			boolean newStaff = (staff != null) ? staff : user.staff();
			boolean newSuperuser = (superuser != null) ? superuser : user.superuser();
			boolean newActive = (active != null) ? active : user.active();
			JdbcClient.create(context.getBean(DataSource.class))
				.sql(UPDATE)
				.param("staff", newStaff)
				.param("superuser", newSuperuser)
				.param("active", newActive)
				.param("id", user.id())
				.update();
			List<String> report = new ArrayList<>(List.of("User '" + user.username() + "': staff=" + newStaff
					+ " superuser=" + newSuperuser + " active=" + newActive));
			if (user.active() && !newActive) {
				int ended = context.getBean(UserSessions.class).revokeOthers(user.id(), null);
				report.add(ended + " sessions ended.");
			}
			io.out().println(String.join("; ", report));
			return 0;
		}
	}

	private static Boolean choice(CommandLine line, String yes, String no) {
		if (line.has(yes) && line.has(no)) {
			throw new UsageException("--" + yes + " and --" + no + " exclude each other");
		}
		return line.has(yes) ? Boolean.TRUE : line.has(no) ? Boolean.FALSE : null;
	}

}
