package dev.plugboard.autoconfigure;

import java.util.Arrays;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses the transactions that repository writes with hooks run in: a
 * {@link TransactionTemplate} with {@code PROPAGATION_REQUIRED}, which joins the caller's
 * transaction or opens one, on the application's transaction manager. With several, the
 * primary one, else the one named {@code transactionManager} (the name Spring Data's
 * repositories use by default); with none, writes run without a transaction.
 */
final class RepositoryWriteTransactions implements Supplier<TransactionOperations> {

	private static final Logger logger = LoggerFactory.getLogger(RepositoryWriteTransactions.class);

	private static final String DEFAULT_NAME = "transactionManager";

	private final ListableBeanFactory beanFactory;

	RepositoryWriteTransactions(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public TransactionOperations get() {
		PlatformTransactionManager transactionManager = transactionManager();
		if (transactionManager == null) {
			logger.warn("No PlatformTransactionManager: Plugboard's write hooks run without a transaction, and work "
					+ "deferred by after-write hooks runs at once instead of after commit");
			return TransactionOperations.withoutTransaction();
		}
		TransactionTemplate template = new TransactionTemplate(transactionManager);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
		return template;
	}

	private @Nullable PlatformTransactionManager transactionManager() {
		PlatformTransactionManager unique = this.beanFactory.getBeanProvider(PlatformTransactionManager.class)
			.getIfUnique();
		if (unique != null) {
			return unique;
		}
		if (this.beanFactory.containsBean(DEFAULT_NAME)
				&& this.beanFactory.isTypeMatch(DEFAULT_NAME, PlatformTransactionManager.class)) {
			return this.beanFactory.getBean(DEFAULT_NAME, PlatformTransactionManager.class);
		}
		String[] names = this.beanFactory.getBeanNamesForType(PlatformTransactionManager.class);
		if (names.length == 0) {
			return null;
		}
		throw new IllegalStateException("Plugboard's repository interceptor needs one transaction manager for "
				+ "writes made outside a transaction, but found " + Arrays.toString(names)
				+ ": mark one @Primary or name it '" + DEFAULT_NAME + "'");
	}

}
