package dev.latchkey.server.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON of {@code manage.py dumpdata <users app> token_blacklist}: objects
 * {@code {"model", "pk", "fields"}}, streamed one at a time so a large dump is never held whole.
 * The user model is the one named (e.g. {@code accounts.user}), else the first model whose
 * objects have a {@code username} and a {@code password}.
 */
public final class DumpdataDjangoSource implements DjangoSource {

	private static final String OUTSTANDING = "token_blacklist.outstandingtoken";

	private static final String BLACKLISTED = "token_blacklist.blacklistedtoken";

	private static final ObjectReader READER = JsonMapper.builder().build().readerFor(JsonNode.class);

	private final Path file;

	private String userModel;

	private DumpdataDjangoSource(Path file, String userModel) {
		this.file = file;
		this.userModel = userModel;
	}

	/**
	 * @param file the dumpdata JSON file
	 * @param userModel the user model's label ({@code app_label.model}), or {@code null} to find it
	 * @throws DjangoSourceException when the file cannot be read
	 */
	public static DumpdataDjangoSource open(Path file, String userModel) {
		if (!Files.isReadable(file)) {
			throw new DjangoSourceException("Cannot read " + file + ": no such readable file");
		}
		return new DumpdataDjangoSource(file, (userModel != null) ? userModel.toLowerCase(java.util.Locale.ROOT) : null);
	}

	@Override
	public String description() {
		return ((this.userModel != null) ? "model " + this.userModel + " of " : "") + this.file;
	}

	@Override
	public void forEachUser(Consumer<DjangoUser> action) {
		forEachObject((model, pk, fields) -> {
			if (isUserModel(model, fields)) {
				action.accept(user(pk, fields));
			}
		});
	}

	/**
	 * Blacklisted rows point at outstanding rows by primary key and may come in either order, so
	 * the outstanding tokens are held (jti and dates only) until the end of the file.
	 */
	@Override
	public void forEachBlacklistedToken(Consumer<DjangoToken> action) {
		Map<Long, JsonNode> outstanding = new HashMap<>();
		Map<Long, JsonNode> blacklisted = new HashMap<>();
		Map<String, Long> userIds = new HashMap<>();
		forEachObject((model, pk, fields) -> {
			if (OUTSTANDING.equals(model)) {
				outstanding.put(pk, fields);
			}
			else if (BLACKLISTED.equals(model)) {
				blacklisted.put(fields.path("token").asLong(-1), fields);
			}
			else if (isUserModel(model, fields)) {
				userIds.put(fields.path("username").asString(""), pk);
			}
		});
		Set<Long> seen = new HashSet<>();
		outstanding.forEach((pk, fields) -> {
			JsonNode entry = blacklisted.get(pk);
			if (entry != null && seen.add(pk)) {
				action.accept(new DjangoToken(fields.path("jti").asString(null), userId(fields.get("user"), userIds),
						instant(fields, "created_at"), instant(fields, "expires_at"), instant(entry, "blacklisted_at")));
			}
		});
	}

	@Override
	public void close() {
		// Each pass opens and closes the file itself.
	}

	private boolean isUserModel(String model, JsonNode fields) {
		if (this.userModel != null) {
			return this.userModel.equals(model);
		}
		if (!fields.has("username") || !fields.has("password") || model.startsWith("token_blacklist.")) {
			return false;
		}
		this.userModel = model;
		return true;
	}

	private static DjangoUser user(long pk, JsonNode fields) {
		String name = fields.has("name") ? text(fields, "name")
				: DjangoUser.fullName(text(fields, "first_name"), text(fields, "last_name"));
		return new DjangoUser(pk, text(fields, "username"), (name != null) ? name : "",
				(fields.hasNonNull("email")) ? text(fields, "email") : "", text(fields, "password"),
				fields.path("is_active").asBoolean(true), fields.path("is_staff").asBoolean(false),
				fields.path("is_superuser").asBoolean(false), instant(fields, "date_joined"), instant(fields, "last_login"));
	}

	/** {@code user} is a primary key, or with {@code --natural-foreign} a {@code [username]} natural key. */
	private static Long userId(JsonNode user, Map<String, Long> userIds) {
		if (user == null || user.isNull()) {
			return null;
		}
		return user.isArray() ? userIds.get(user.path(0).asString("")) : Long.valueOf(user.asLong(0));
	}

	private static String text(JsonNode fields, String name) {
		JsonNode value = fields.get(name);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static Instant instant(JsonNode fields, String name) {
		return DjangoValues.instant(text(fields, name));
	}

	private void forEachObject(ObjectAction action) {
		try (MappingIterator<JsonNode> objects = READER.readValues(this.file)) {
			while (objects.hasNextValue()) {
				JsonNode object = objects.nextValue();
				String model = object.path("model").asString("").toLowerCase(java.util.Locale.ROOT);
				if (object.has("pk") && !object.get("pk").isNull()) {
					action.accept(model, object.get("pk").asLong(0), object.path("fields"));
				}
			}
		}
		catch (JacksonException ex) {
			throw new DjangoSourceException("Cannot read " + this.file + " as dumpdata JSON: " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface ObjectAction {

		void accept(String model, long pk, JsonNode fields);

	}

}
