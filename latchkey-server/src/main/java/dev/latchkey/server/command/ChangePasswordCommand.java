package dev.latchkey.server.command;

import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.password.PasswordOwner;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.token.UserSessions;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;
import dev.latchkey.user.UsernameRules;

/**
 * Django's {@code changepassword <username>}: asks for the new password twice (or takes it from
 * the environment with {@code --noinput}), checks it with the password validators, stores its
 * hash, and ends every session of the user, as a password change through the API does.
 */
final class ChangePasswordCommand implements Command {

	// Not LATCHKEY_PASSWORD: Spring binds that variable to the latchkey.password settings group, and
	// the context refuses to start.
	static final String PASSWORD_VARIABLE = "LATCHKEY_NEW_PASSWORD";

	static final String CLASHING_VARIABLE = "LATCHKEY_PASSWORD";

	private static final CommandSpec SPEC = new CommandSpec("changepassword",
			"Change a user's password and end all of their sessions.", """
					Usage: changepassword USERNAME [--noinput] [--spring.property=value ...]

					Set a new password for USERNAME, checked by the password validators, and end every
					session of the user (their refresh tokens stop working; access tokens within a second).
					Works for users with an unusable password too (it makes it usable).

					Without --noinput, asks for the password twice (not echoed on a terminal).

					Options:
					  --noinput, --no-input
					                    ask nothing; the password comes from the environment variable
					                    LATCHKEY_NEW_PASSWORD
					  -h, --help        show this help

					Exit codes: 0 changed, 1 not changed (unknown user, rejected password...), 2 bad arguments.""",
			Set.of("noinput", "no-input"), Set.of(), 1);

	@Override
	public CommandSpec spec() {
		return SPEC;
	}

	@Override
	public int run(CommandLine line, CommandIo io) {
		if (line.positionals().isEmpty()) {
			throw new UsageException("the username is required");
		}
		if (io.env(CLASHING_VARIABLE) != null) {
			throw new UsageException(CLASHING_VARIABLE + " is read as the latchkey.password settings; set the new "
					+ "password in " + PASSWORD_VARIABLE + " instead");
		}
		boolean interactive = !line.has("noinput") && !line.has("no-input");
		String given = interactive ? null : io.env(PASSWORD_VARIABLE);
		if (!interactive && given == null) {
			throw new CommandException("With --noinput, set the new password in " + PASSWORD_VARIABLE + ".");
		}
		String username = UsernameRules.normalize(line.positionals().get(0));
		try (ConfigurableApplicationContext context = CommandApplication.start(line)) {
			User user = context.getBean(UserRepository.class)
				.findByUsername(username)
				.orElseThrow(() -> new CommandException("user '" + username + "' does not exist"));
			PasswordPolicy policy = context.getBean(PasswordPolicy.class);
			PasswordOwner owner = new PasswordOwner(user.username(), user.name(), user.email());
			String password;
			if (interactive) {
				io.out().println("Changing password for user '" + user.username() + "'");
				password = new Prompts(io.terminal(), io.err()).askNewPassword((candidate) -> policy.violations(candidate, owner));
			}
			else {
				new Problems().add("password", policy.violations(given, owner)).throwIfAny();
				password = given;
			}
			context.getBean(UserRepository.class)
				.updatePassword(user.id(), context.getBean(PasswordHasher.class).encode(password));
			int ended = context.getBean(UserSessions.class).revokeOthers(user.id(), null);
			context.getBean(AuditLog.class)
				.record(AuditEvent.PASSWORD_CHANGED, user.id(), "", "changepassword command", "ok");
			io.out().println("Password changed successfully for user '" + user.username() + "'"
					+ ((ended > 0) ? "; " + ended + " sessions ended." : "."));
			return 0;
		}
	}

}
