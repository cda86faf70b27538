package dev.latchkey.benchmarks.trivial;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest Spring Boot web application: the start-up floor Latchkey is compared with. */
@SpringBootApplication
@RestController
public class TrivialApplication {

	@GetMapping("/ping")
	Map<String, String> ping() {
		return Map.of("status", "ok");
	}

	public static void main(String[] args) {
		SpringApplication.run(TrivialApplication.class, args);
	}

}
