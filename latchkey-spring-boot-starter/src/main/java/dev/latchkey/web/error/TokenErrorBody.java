package dev.latchkey.web.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.token.TokenType;

/**
 * SimpleJWT's answer to a bad access token on an authenticated endpoint ({@code JWTAuthentication}):
 * {@code {"detail": "Given token not valid for any token type", "code": "token_not_valid",
 * "messages": [{"token_class": "AccessToken", "token_type": "access", "message": "..."}]}}.
 *
 * @param detail always SimpleJWT's "Given token not valid for any token type"
 * @param code always {@code token_not_valid}
 * @param messages why each token class refused it (only access tokens here)
 */
@Schema(name = "LatchkeyTokenError")
@JsonPropertyOrder({ "detail", "code", "messages" })
public record TokenErrorBody(String detail, String code, List<Message> messages) {

	static TokenErrorBody of(InvalidTokenException ex) {
		return new TokenErrorBody("Given token not valid for any token type", "token_not_valid",
				List.of(new Message(TokenType.ACCESS.className(), TokenType.ACCESS.claimValue(), ex.getMessage())));
	}

	/**
	 * @param tokenClass SimpleJWT's class name ({@code AccessToken})
	 * @param tokenType the {@code token_type} claim value ({@code access})
	 * @param message why it was refused
	 */
	@JsonPropertyOrder({ "token_class", "token_type", "message" })
	@Schema(name = "LatchkeyTokenErrorMessage")
	public record Message(@JsonProperty("token_class") String tokenClass,
			@JsonProperty("token_type") String tokenType, String message) {
	}

}
