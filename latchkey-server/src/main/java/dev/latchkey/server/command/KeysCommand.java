package dev.latchkey.server.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import dev.latchkey.token.key.KeyGenerator;
import dev.latchkey.token.key.SigningKeys;

/**
 * {@code keys generate --alg ES256}: a new signing key as a private JWK, written to a file only
 * its owner can read (or to standard output), ready for {@code latchkey.jwt.keys[n].jwk-file}.
 */
final class KeysCommand implements Command {

	private static final CommandSpec SPEC = new CommandSpec("keys", "Generate a signing key (keys generate --alg ES256).", """
			Usage: keys generate --alg ALG [--kid KID] [--out FILE]

			Generate a new signing key as a JWK, bound to one algorithm: HS256/384/512,
			RS256/384/512 and PS256/384/512 (RSA 3072), ES256/384/512 (its curve) or EdDSA (Ed25519).
			Configure it with latchkey.jwt.keys[n].kid, .algorithm and .jwk-file.

			Options:
			  --alg ALG        the algorithm (required)
			  --kid KID        the key id (default: the algorithm and today's date, e.g. es256-2026-11-26)
			  --out FILE       write the key to FILE, readable by its owner only (default: standard output)
			  -h, --help       show this help

			Exit codes: 0 done, 1 the file could not be written, 2 bad arguments.""",
			Set.of(), Set.of("alg", "kid", "out"), 1);

	@Override
	public CommandSpec spec() {
		return SPEC;
	}

	@Override
	public int run(CommandLine line, CommandIo io) {
		if (line.positionals().size() != 1 || !line.positionals().get(0).equals("generate")) {
			throw new UsageException("the only action is 'generate'");
		}
		String name = line.value("alg").orElseThrow(() -> new UsageException("--alg is required"));
		JWSAlgorithm algorithm;
		try {
			algorithm = SigningKeys.algorithm(name);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		String kid = line.value("kid")
			.orElse(algorithm.getName().toLowerCase() + "-" + LocalDate.now(ZoneOffset.UTC));
		JWK key = KeyGenerator.generate(algorithm, kid);
		if (line.value("out").isEmpty()) {
			io.out().println(key.toJSONString());
			return ServerCommands.OK;
		}
		Path out = Path.of(line.value("out").get());
		write(out, key.toJSONString());
		io.out().println("Wrote " + algorithm + " key '" + kid + "' to " + out + ". Configure it with:");
		io.out().println("  latchkey.jwt.keys[0].kid=" + kid);
		io.out().println("  latchkey.jwt.keys[0].algorithm=" + algorithm);
		io.out().println("  latchkey.jwt.keys[0].jwk-file=" + out.toAbsolutePath());
		return ServerCommands.OK;
	}

	private static void write(Path out, String json) {
		try {
			if (Files.exists(out)) {
				throw new CommandException(out + " already exists: a key is never overwritten");
			}
			Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(out, json, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new CommandException("cannot write " + out + ": " + ex.getMessage());
		}
	}

}
