package dev.plugboard.runtime;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EntityProperties}.
 */
class EntityPropertiesTests {

	@Test
	void settingARecordComponentReturnsACopyAndLeavesTheOriginal() {
		Article original = new Article(7L, "Crème brûlée", null);
		Object copy = EntityProperties.set(original, "slug", "creme-brulee");
		assertThat(copy).isEqualTo(new Article(7L, "Crème brûlée", "creme-brulee"));
		assertThat(original.slug()).isNull();
	}

	@Test
	void settingABeanPropertyUsesItsSetterOnTheSameInstance() {
		Account account = new Account();
		Object result = EntityProperties.set(account, "name", "ada");
		assertThat(result).isSameAs(account);
		assertThat(account.name).isEqualTo("ADA");
	}

	@Test
	void fieldWithoutAccessorsIsReadAndWritten() {
		Account account = new Account();
		EntityProperties.set(account, "createdAt", Instant.EPOCH);
		assertThat(EntityProperties.get(account, "createdAt")).isEqualTo(Instant.EPOCH);
	}

	@Test
	void typeIsTheDeclaredTypeWithPrimitivesBoxedAndNullForUnknownProperties() {
		assertThat(EntityProperties.type(Article.class, "id")).isEqualTo(Long.class);
		assertThat(EntityProperties.type(Account.class, "version")).isEqualTo(Integer.class);
		assertThat(EntityProperties.type(Account.class, "missing")).isNull();
	}

	@Test
	void valueOfTheWrongTypeIsRefusedNamingThePropertyAndBothTypes() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntityProperties.set(new Account(), "createdAt", "now"))
			.withMessageContaining("createdAt")
			.withMessageContaining("java.time.Instant")
			.withMessageContaining("java.lang.String");
	}

	@Test
	void unknownPropertyIsRefusedNamingTheEntity() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntityProperties.get(new Article(1L, "t", null), "nope"))
			.withMessageContaining(Article.class.getName())
			.withMessageContaining("'nope'");
	}

	record Article(Long id, String title, String slug) {
	}

	static class Account {

		private String name;

		private Instant createdAt;

		private int version;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name.toUpperCase(java.util.Locale.ROOT);
		}

	}

}
