package dev.latchkey.server.aot;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.env.PropertySource;

/**
 * Sees every property the environment is asked for, answers none: first among the property
 * sources while {@code process-aot} evaluates the conditions, it collects the names they read.
 * Not enumerable, so every lookup reaches it by name.
 */
final class PropertyLookups extends PropertySource<Set<String>> {

	static final String NAME = "latchkeyAotPropertyLookups";

	PropertyLookups() {
		super(NAME, new TreeSet<>());
	}

	@Override
	public synchronized Object getProperty(String name) {
		getSource().add(name);
		return null;
	}

	/** The names asked for so far. */
	synchronized Set<String> names() {
		return new TreeSet<>(getSource());
	}

}
