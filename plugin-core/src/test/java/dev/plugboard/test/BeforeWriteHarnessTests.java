package dev.plugboard.test;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.plugboard.BeforeWriteContext;
import dev.plugboard.BeforeWritePlugin;
import dev.plugboard.PluginException;
import dev.plugboard.PluginOrder;
import dev.plugboard.RequestContext;
import dev.plugboard.ValidationFailed;
import dev.plugboard.WriteOp;
import dev.plugboard.runtime.PluginFaultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Driving a before-write hook with {@link PluginHarness#beforeWrite}.
 */
class BeforeWriteHarnessTests {

	private final PluginHarness harness = PluginHarness.of(new SlugPlugin());

	@Test
	void mutationInTheHookIsWhatGetsWritten() {
		BlogPost post = new BlogPost("Hello, Plugin World");

		BlogPost written = this.harness.beforeWrite(WriteOp.INSERT, post);

		assertThat(written).isSameAs(post);
		assertThat(written.slug).isEqualTo("hello-plugin-world");
	}

	@Test
	void rejectionIsThrownAttributedToThePlugin() {
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> this.harness.beforeWrite(WriteOp.INSERT, new BlogPost(" ")))
			.satisfies((rejection) -> {
				assertThat(rejection.plugin()).isEqualTo("slug");
				assertThat(rejection.code()).isEqualTo("title-required");
				assertThat(rejection.status()).isEqualTo(400);
			});
	}

	@Test
	void replacementOfAnImmutableEntityIsReturned() {
		PluginHarness harness = PluginHarness.of(new AuthorPlugin())
			.during(TestRequest.post("/notes").principal("alice"));

		Note written = harness.beforeWrite(WriteOp.INSERT, new Note("buy milk", null));

		assertThat(written).isEqualTo(new Note("buy milk", "alice"));
	}

	@Test
	void writeOutsideARequestSeesNoRequest() {
		PluginHarness harness = PluginHarness.of(new AuthorPlugin());

		Note written = harness.beforeWrite(WriteOp.INSERT, new Note("nightly report", null));

		assertThat(written.author()).isEqualTo("system");
	}

	@Test
	void entitiesRestrictionAppliesToTheAggregateNamedAfterTheClass() {
		PluginHarness onPosts = this.harness.withEntities("blog_post");
		PluginHarness onOrders = this.harness.withEntities("orders");

		assertThat(onPosts.beforeWrite(WriteOp.INSERT, new BlogPost("Kept")).slug).isEqualTo("kept");
		assertThat(onOrders.beforeWrite(WriteOp.INSERT, new BlogPost("Skipped")).slug).isNull();
	}

	@Test
	void aggregateCanBeNamedExplicitly() {
		PluginHarness onPosts = this.harness.withEntities("posts");

		assertThat(onPosts.beforeWrite(WriteOp.UPDATE, "posts", new BlogPost("Named")).slug).isEqualTo("named");
	}

	@Test
	void faultInTheHookStopsTheWriteAsAPluginFault() {
		PluginHarness harness = PluginHarness.of(new AuthorPlugin());

		assertThatExceptionOfType(PluginFaultException.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.DELETE, new Note("gone", null)))
			.satisfies((fault) -> assertThat(fault.pluginId()).isEqualTo("author"))
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("DELETE");
		assertThat(harness.faults()).isOne();
	}

	@Test
	void storedEntityGivenToTheHarnessIsWhatPreviousReturns() {
		record Account(Long id, String email) {
		}
		BeforeWritePlugin immutableEmail = new BeforeWritePlugin() {

			@Override
			public String id() {
				return "immutable-email";
			}

			@Override
			public void beforeWrite(BeforeWriteContext write) {
				if (write.previous() instanceof Account stored && !stored.email().equals(write.get("email"))) {
					throw new ValidationFailed("immutable", "email cannot change");
				}
			}

		};
		PluginHarness harness = PluginHarness.of(immutableEmail).withPrevious(new Account(1L, "ada@example.com"));
		assertThat(harness.beforeWrite(WriteOp.UPDATE, new Account(1L, "ada@example.com"))).isNotNull();
		assertThatExceptionOfType(ValidationFailed.class)
			.isThrownBy(() -> harness.beforeWrite(WriteOp.UPDATE, new Account(1L, "eve@example.com")));
		assertThat(PluginHarness.of(immutableEmail).beforeWrite(WriteOp.UPDATE, new Account(1L, "eve@example.com")))
			.as("no stored entity: previous() is null")
			.isNotNull();
	}

	@Test
	void rejectionIsAPluginExceptionNotAFault() {
		assertThatExceptionOfType(PluginException.class)
			.isThrownBy(() -> this.harness.beforeWrite(WriteOp.UPDATE, new BlogPost("")));
		assertThat(this.harness.faults()).isZero();
	}

	static final class BlogPost {

		final String title;

		String slug;

		BlogPost(String title) {
			this.title = title;
		}

	}

	record Note(String text, String author) {
	}

	/**
	 * Fills in a post's slug from its title; a post needs a title.
	 */
	static final class SlugPlugin implements BeforeWritePlugin {

		@Override
		public String id() {
			return "slug";
		}

		@Override
		public int order() {
			return PluginOrder.DATA;
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			BlogPost post = write.entity(BlogPost.class);
			if (post == null) {
				return;
			}
			if (post.title.isBlank()) {
				throw new ValidationFailed("title-required", "A post needs a title");
			}
			post.slug = post.title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		}

	}

	/**
	 * Stamps a note with the name of the user who wrote it.
	 */
	static final class AuthorPlugin implements BeforeWritePlugin {

		@Override
		public String id() {
			return "author";
		}

		@Override
		public void beforeWrite(BeforeWriteContext write) {
			Note note = write.entity(Note.class);
			if (note != null) {
				RequestContext request = write.request();
				String author = (request != null && request.principal() != null) ? request.principal().getName()
						: "system";
				write.setEntity(new Note(note.text(), author));
			}
		}

	}

}
