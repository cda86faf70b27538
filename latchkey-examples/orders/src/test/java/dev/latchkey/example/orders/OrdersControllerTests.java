package dev.latchkey.example.orders;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.latchkey.test.WithLatchkeyUser;
import dev.latchkey.test.autoconfigure.AutoConfigureLatchkey;

import static dev.latchkey.test.LatchkeyRequestPostProcessors.latchkeyUser;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The orders controller in a {@code @WebMvcTest} slice: no database, no tokens; the user comes
 * from Latchkey's test support and the application's own chain and method security apply.
 */
@WebMvcTest({ OrdersController.class, MeController.class })
@AutoConfigureLatchkey
@Import({ OrdersSecurity.class, OrderBook.class })
class OrdersControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listWhenNoUserThenLatchkeys401() throws Exception {
		this.mvc.perform(get("/api/orders/"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Authentication credentials were not provided."));
	}

	@Test
	@WithLatchkeyUser(value = "alice", id = 41)
	void meWhenAnnotatedUserThenThatUser() throws Exception {
		this.mvc.perform(get("/api/me/")).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(41))
			.andExpect(jsonPath("$.username").value("alice"));
	}

	@Test
	void placeWhenLatchkeyUserThenCreatedForThatUser() throws Exception {
		this.mvc.perform(post("/api/orders/").with(latchkeyUser("bob").id(7))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"item\": \"tea\", \"quantity\": 3}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.owner").value(7));
	}

	@Test
	void cancelWhenPlainUserThen403AndWhenStaffThen204() throws Exception {
		this.mvc.perform(delete("/api/orders/1/").with(latchkeyUser("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("You do not have permission to perform this action."));
		this.mvc.perform(delete("/api/orders/1/").with(latchkeyUser("stella").staff()))
			.andExpect(status().isNoContent());
	}

	@Test
	void internalWhenStaffGroupOrAuthorityThenChainRuleApplies() throws Exception {
		this.mvc.perform(get("/internal/stats/").with(latchkeyUser("gina").groups("STAFF")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/internal/stats/").with(latchkeyUser("gina").authorities("ROLE_AUDITOR")))
			.andExpect(status().isForbidden());
	}

}
