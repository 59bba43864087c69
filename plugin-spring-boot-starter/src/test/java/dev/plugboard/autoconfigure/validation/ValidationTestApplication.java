package dev.plugboard.autoconfigure.validation;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small application with members and products, the custom rule {@code sku-format}, and
 * a controller that saves them from JSON (registered as a member class of this
 * configuration).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ValidationTestApplication {

	@Bean
	SkuFormat skuFormat() {
		return new SkuFormat();
	}

	@RestController
	static class ValidationController {

		private final MemberRepository members;

		private final ProductRepository products;

		ValidationController(MemberRepository members, ProductRepository products) {
			this.members = members;
			this.products = products;
		}

		@PostMapping("/members")
		Member create(@RequestBody Member member) {
			return this.members.save(new Member(null, member.name(), member.email(), member.status(), member.age()));
		}

		@PutMapping("/members/{id}")
		Member update(@PathVariable long id, @RequestBody Member member) {
			return this.members.save(new Member(id, member.name(), member.email(), member.status(), member.age()));
		}

		@PostMapping("/products")
		Product create(@RequestBody Product product) {
			product.setId(null);
			return this.products.save(product);
		}

	}

}
