package dev.plugboard.autoconfigure.computed;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * An invoice, a JavaBean: its gross amount, its share per part and its label are
 * computed.
 */
public class Invoice {

	@Id
	private @Nullable Long id;

	private BigDecimal net = BigDecimal.ZERO;

	private BigDecimal taxRate = BigDecimal.ZERO;

	private int parts = 1;

	private String customer = "";

	private @Nullable BigDecimal gross;

	private @Nullable BigDecimal share;

	private @Nullable String label;

	public Invoice() {
	}

	public Invoice(String customer, BigDecimal net, BigDecimal taxRate, int parts) {
		this.customer = customer;
		this.net = net;
		this.taxRate = taxRate;
		this.parts = parts;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public void setId(@Nullable Long id) {
		this.id = id;
	}

	public BigDecimal getNet() {
		return this.net;
	}

	public void setNet(BigDecimal net) {
		this.net = net;
	}

	public BigDecimal getTaxRate() {
		return this.taxRate;
	}

	public void setTaxRate(BigDecimal taxRate) {
		this.taxRate = taxRate;
	}

	public int getParts() {
		return this.parts;
	}

	public void setParts(int parts) {
		this.parts = parts;
	}

	public String getCustomer() {
		return this.customer;
	}

	public void setCustomer(String customer) {
		this.customer = customer;
	}

	public @Nullable BigDecimal getGross() {
		return this.gross;
	}

	public void setGross(@Nullable BigDecimal gross) {
		this.gross = gross;
	}

	public @Nullable BigDecimal getShare() {
		return this.share;
	}

	public void setShare(@Nullable BigDecimal share) {
		this.share = share;
	}

	public @Nullable String getLabel() {
		return this.label;
	}

	public void setLabel(@Nullable String label) {
		this.label = label;
	}

}
