package dev.latchkey.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Renders a message from three templates named as Django's and allauth's
 * ({@code <name>_subject.txt}, {@code <name>_message.txt}, {@code <name>_message.html}), with
 * Django's variable syntax {@code {{ user.username }}}. The application overrides any of them by
 * putting a file of that name under {@code latchkey.mail.template-location}; Latchkey's own are
 * the fallback. An unknown variable renders empty, as in Django; values are HTML-escaped in the
 * HTML template.
 */
public final class MailTemplates {

	static final String BUILT_IN = "classpath:/dev/latchkey/mail/templates/";

	private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

	private final ResourceLoader resources;

	private final String location;

	public MailTemplates(ResourceLoader resources, String location) {
		this.resources = resources;
		this.location = (location == null || location.endsWith("/")) ? location : location + "/";
	}

	/**
	 * @param name the template set, such as {@code password_reset}
	 * @param to the recipient
	 * @param variables the template's variables ({@code user.username}, {@code link}, ...)
	 */
	public OutgoingMail render(String name, String to, Map<String, String> variables) {
		String subject = substitute(read(name + "_subject.txt"), variables, false);
		String text = substitute(read(name + "_message.txt"), variables, false);
		String html = substitute(read(name + "_message.html"), variables, true);
		return new OutgoingMail(to, subject, text, html);
	}

	private String read(String file) {
		Resource resource = (this.location != null) ? this.resources.getResource(this.location + file) : null;
		if (resource == null || !resource.exists()) {
			resource = this.resources.getResource(BUILT_IN + file);
		}
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Mail template " + file + " cannot be read", ex);
		}
	}

	static String substitute(String template, Map<String, String> variables, boolean html) {
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = variables.getOrDefault(matcher.group(1), "");
			matcher.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** Django's {@code escape}: the five characters that matter in HTML text and attributes. */
	static String escape(String value) {
		return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&#x27;");
	}

}
