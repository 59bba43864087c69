package dev.plugboard.autoconfigure.webhooks;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The repositories of the webhooks tests.
 */
final class Repositories {

	private Repositories() {
	}

	interface InvoiceRepository extends ListCrudRepository<Invoice, Long> {

	}

}
