package dev.plugboard.autoconfigure.computed;

import org.springframework.data.repository.CrudRepository;

/**
 * Invoices, in the {@code invoice} table.
 */
public interface InvoiceRepository extends CrudRepository<Invoice, Long> {

}
