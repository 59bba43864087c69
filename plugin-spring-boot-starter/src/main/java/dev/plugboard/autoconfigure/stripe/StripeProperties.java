package dev.plugboard.autoconfigure.stripe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the {@code stripe} built-in, bound from its manifest entry.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("plugboard.plugins.stripe")
public class StripeProperties {

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
	 * When to create the table of processed event ids at startup: 'embedded' (embedded
	 * databases only), 'always' or 'never'. The statements are idempotent.
	 */
	private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

	/**
	 * Location of the script that creates the table of processed event ids.
	 * '@@platform@@' is replaced by the database's platform, such as 'h2' or
	 * 'postgresql'.
	 */
	private String schema = "classpath:dev/plugboard/autoconfigure/stripe/schema-@@platform@@.sql";

	/**
	 * Platform used in place of '@@platform@@' in the schema location. Detected from the
	 * DataSource when not set.
	 */
	private @Nullable String platform;

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

	public DatabaseInitializationMode getInitializeSchema() {
		return this.initializeSchema;
	}

	public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
		this.initializeSchema = initializeSchema;
	}

	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	public @Nullable String getPlatform() {
		return this.platform;
	}

	public void setPlatform(@Nullable String platform) {
		this.platform = platform;
	}

	@Override
	public String toString() {
		return "StripeProperties[path=" + this.path + ", signingSecrets=" + this.signingSecrets.size() + " (hidden)"
				+ ", tolerance=" + this.tolerance + "]";
	}

}
