package dev.plugboard.autoconfigure.stripe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import dev.plugboard.autoconfigure.PluginSchemaProperties;

/**
 * Configuration of the {@code stripe} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.stripe")
public class StripeProperties extends PluginSchemaProperties {

	/**
	 * Path of the webhook receiver route, which answers POST only.
	 */
	private String path = "/stripe/webhook";

	/**
	 * Signing secrets of the Stripe webhook endpoint, each starting with 'whsec_'.
	 * Required. List two while rolling a secret: a delivery signed with either is
	 * accepted. Keep them out of source control, for example in an environment variable.
	 */
	private List<String> signingSecrets = new ArrayList<>();

	/**
	 * Largest difference between the signature's timestamp and now, in either direction;
	 * an older or later delivery is refused as a possible replay.
	 */
	private Duration tolerance = Duration.ofSeconds(300);

	/**
	 * Largest webhook payload read; a larger one is refused with a 413.
	 */
	private DataSize maxPayloadSize = DataSize.ofMegabytes(1);

	/**
	 * Location of the script that creates the table of processed event ids.
	 * '@@platform@@' is replaced by the database's platform, such as 'h2' or
	 * 'postgresql'.
	 */
	private String schema = "classpath:dev/plugboard/autoconfigure/stripe/schema-@@platform@@.sql";

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public List<String> getSigningSecrets() {
		return this.signingSecrets;
	}

	public void setSigningSecrets(List<String> signingSecrets) {
		this.signingSecrets = signingSecrets;
	}

	public Duration getTolerance() {
		return this.tolerance;
	}

	public void setTolerance(Duration tolerance) {
		this.tolerance = tolerance;
	}

	public DataSize getMaxPayloadSize() {
		return this.maxPayloadSize;
	}

	public void setMaxPayloadSize(DataSize maxPayloadSize) {
		this.maxPayloadSize = maxPayloadSize;
	}

	@Override
	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	@Override
	public String toString() {
		return "StripeProperties[path=" + this.path + ", signingSecrets=" + this.signingSecrets.size() + " (hidden)"
				+ ", tolerance=" + this.tolerance + "]";
	}

}
