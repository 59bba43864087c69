package dev.plugboard.autoconfigure.slugify;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;

/**
 * A JavaBean entity whose slug follows its name on every write, stored in a column named
 * with {@code @Column}.
 */
public class Recipe {

	@Id
	private @Nullable Long id;

	private @Nullable String name;

	@Column("permalink")
	private @Nullable String urlSlug;

	public @Nullable Long getId() {
		return this.id;
	}

	public void setId(@Nullable Long id) {
		this.id = id;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getUrlSlug() {
		return this.urlSlug;
	}

	public void setUrlSlug(@Nullable String urlSlug) {
		this.urlSlug = urlSlug;
	}

}
