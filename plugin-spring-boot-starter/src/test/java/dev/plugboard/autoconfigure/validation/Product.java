package dev.plugboard.autoconfigure.validation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A product, a JavaBean with Bean Validation annotations and a SKU checked by a custom
 * rule.
 */
public class Product {

	@Id
	private @Nullable Long id;

	@NotBlank
	private @Nullable String name;

	private @Nullable String sku;

	@PositiveOrZero
	private int price;

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

	public @Nullable String getSku() {
		return this.sku;
	}

	public void setSku(@Nullable String sku) {
		this.sku = sku;
	}

	public int getPrice() {
		return this.price;
	}

	public void setPrice(int price) {
		this.price = price;
	}

}
