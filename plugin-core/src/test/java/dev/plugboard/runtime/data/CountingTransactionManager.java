package dev.plugboard.runtime.data;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A transaction manager without a resource that counts what it was asked to do.
 */
class CountingTransactionManager extends AbstractPlatformTransactionManager {

	int begun;

	int committed;

	int rolledBack;

	@Override
	protected Object doGetTransaction() {
		return new Object();
	}

	@Override
	protected boolean isExistingTransaction(Object transaction) {
		return TransactionSynchronizationManager.isActualTransactionActive();
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		this.begun++;
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		this.committed++;
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		this.rolledBack++;
	}

}
