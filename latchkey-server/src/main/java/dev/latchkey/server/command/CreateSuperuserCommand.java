package dev.latchkey.server.command;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.password.PasswordOwner;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.UserRepository;
import dev.latchkey.user.UsernameRules;

/**
 * Django's {@code createsuperuser}: asks for a username, an email and a password twice, or with
 * {@code --noinput} takes them from {@code --username}, {@code --email} and the environment. The
 * answers pass the same checks as sign-up; the user is active, staff and superuser.
 */
final class CreateSuperuserCommand implements Command {

	static final List<String> PASSWORD_VARIABLES = List.of("DJANGO_SUPERUSER_PASSWORD", "LATCHKEY_SUPERUSER_PASSWORD");

	private static final CommandSpec SPEC = new CommandSpec("createsuperuser",
			"Create a superuser (staff, all permissions) that can log in with a password.", """
					Usage: createsuperuser [--username NAME] [--email EMAIL] [--noinput] [--spring.property=value ...]

					Create a user with is_staff and is_superuser set, checked as sign-up checks users:
					Django's username rules, a valid email, and the password validators.

					Without --noinput, asks for whatever --username and --email did not give, and for the
					password twice (not echoed on a terminal).

					Options:
					  --username NAME   the username (required with --noinput)
					  --email EMAIL     the email address (optional; blank when not given with --noinput)
					  --noinput, --no-input
					                    ask nothing; the password comes from the environment variable
					                    DJANGO_SUPERUSER_PASSWORD or LATCHKEY_SUPERUSER_PASSWORD
					  -h, --help        show this help

					Exit codes: 0 created, 1 not created (taken username, rejected password...), 2 bad arguments.""",
			Set.of("noinput", "no-input"), Set.of("username", "email"), 0);

	@Override
	public CommandSpec spec() {
		return SPEC;
	}

	@Override
	public int run(CommandLine line, CommandIo io) {
		boolean interactive = !line.has("noinput") && !line.has("no-input");
		String password = null;
		if (!interactive) {
			if (line.value("username").isEmpty()) {
				throw new UsageException("--username is required with --noinput");
			}
			password = io.env(PASSWORD_VARIABLES.toArray(String[]::new));
			if (password == null) {
				throw new CommandException("With --noinput, set the password in " + String.join(" or ", PASSWORD_VARIABLES)
						+ ".");
			}
		}
		try (ConfigurableApplicationContext context = CommandApplication.start(line)) {
			AccountRules rules = new AccountRules(context.getBean(UserRepository.class),
					context.getBean(PasswordPolicy.class));
			Answers answers = interactive ? ask(line, rules, io) : check(line, password, rules);
			NewUser user = new NewUser(answers.username(), "", answers.email(),
					context.getBean(PasswordHasher.class).encode(answers.password()));
			long id = new JdbcSuperusers(context.getBean(DataSource.class)).insert(user,
					context.getBean("latchkeyClock", Clock.class).instant());
			context.getBean(AuditLog.class).record(AuditEvent.SIGN_UP, id, "", "createsuperuser command", "superuser");
			io.out().println("Superuser created successfully.");
			return 0;
		}
	}

	private static Answers check(CommandLine line, String password, AccountRules rules) {
		String username = UsernameRules.normalize(line.value("username").orElseThrow().strip());
		String email = line.value("email").orElse("").strip();
		new Problems().add("username", rules.usernameProblems(username))
			.add("email", rules.emailProblems(email))
			.add("password", rules.passwordProblems(password, new PasswordOwner(username, "", email)))
			.throwIfAny();
		return new Answers(username, email, password);
	}

	private static Answers ask(CommandLine line, AccountRules rules, CommandIo io) {
		Prompts prompts = new Prompts(io.terminal(), io.err());
		String username = line.value("username")
			.map((given) -> checked("username", UsernameRules.normalize(given.strip()), rules::usernameProblems))
			.orElseGet(() -> UsernameRules.normalize(prompts.ask("Username: ",
					(answer) -> rules.usernameProblems(UsernameRules.normalize(answer)))));
		String email = line.value("email")
			.map((given) -> checked("email", given.strip(), rules::emailProblems))
			.orElseGet(() -> prompts.ask("Email address: ", rules::emailProblems));
		String password = prompts.askNewPassword(
				(candidate) -> rules.passwordProblems(candidate, new PasswordOwner(username, "", email)));
		return new Answers(username, email, password);
	}

	private static String checked(String field, String value, Function<String, List<String>> rules) {
		new Problems().add(field, rules.apply(value)).throwIfAny();
		return value;
	}

	/** What the operator gave; the password is hashed before anything is stored. */
	private record Answers(String username, String email, String password) {

		@Override
		public String toString() {
			return "Answers[username=" + this.username + "]";
		}

	}

}
