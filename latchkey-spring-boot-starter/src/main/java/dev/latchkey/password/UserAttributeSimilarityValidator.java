package dev.latchkey.password;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Django's {@code UserAttributeSimilarityValidator} (Django 5.x code, same results as 3.2) over
 * the owner's username, name and email, in that order.
 *
 * <p>Each attribute value is lowercased and split like {@code re.split(r'\W+', value) + [value]};
 * the password is too similar when, for any part, Python's
 * {@code SequenceMatcher(a=password.lower(), b=part).quick_ratio()} reaches the maximum
 * similarity. Django reports only the first similar attribute: it raises on the first hit.
 */
public final class UserAttributeSimilarityValidator implements PasswordValidator {

	/** Django's default {@code max_similarity}. */
	public static final double DEFAULT_MAX_SIMILARITY = 0.7;

	private static final Map<String, Function<PasswordOwner, String>> ATTRIBUTES = attributes();

	private final double maxSimilarity;

	public UserAttributeSimilarityValidator() {
		this(DEFAULT_MAX_SIMILARITY);
	}

	/** @param maxSimilarity at least 0.1, as Django requires */
	public UserAttributeSimilarityValidator(double maxSimilarity) {
		if (!(maxSimilarity >= 0.1)) {
			throw new IllegalArgumentException("maxSimilarity must be at least 0.1: " + maxSimilarity);
		}
		this.maxSimilarity = maxSimilarity;
	}

	@Override
	public List<String> validate(String password, PasswordOwner owner) {
		if (owner == null) {
			return List.of();
		}
		String lowerPassword = PythonStrings.lower(password);
		for (Map.Entry<String, Function<PasswordOwner, String>> attribute : ATTRIBUTES.entrySet()) {
			String value = attribute.getValue().apply(owner);
			if (value == null || value.isEmpty()) {
				continue;
			}
			String lowerValue = PythonStrings.lower(value);
			List<String> parts = new ArrayList<>(PythonStrings.splitOnNonWord(lowerValue));
			parts.add(lowerValue);
			for (String part : parts) {
				if (!exceedsMaximumLengthRatio(lowerPassword, part)
						&& new SequenceMatcher(lowerPassword, part).quickRatio() >= maxSimilarity) {
					return List.of("The password is too similar to the " + attribute.getKey() + ".");
				}
			}
		}
		return List.of();
	}

	/**
	 * Django's {@code exceeds_maximum_length_ratio}: a part this much shorter than the password
	 * cannot reach the threshold, so Django skips the comparison (a guard against slow matching).
	 */
	private boolean exceedsMaximumLengthRatio(String password, String part) {
		int passwordLength = PythonStrings.length(password);
		int partLength = PythonStrings.length(part);
		return passwordLength >= 10 * partLength && partLength < maxSimilarity / 2 * passwordLength;
	}

	private static Map<String, Function<PasswordOwner, String>> attributes() {
		// Keyed by Django's verbose names, in Django's attribute order.
		Map<String, Function<PasswordOwner, String>> attributes = new LinkedHashMap<>();
		attributes.put("username", PasswordOwner::username);
		attributes.put("name", PasswordOwner::name);
		attributes.put("email address", PasswordOwner::email);
		return attributes;
	}
}
