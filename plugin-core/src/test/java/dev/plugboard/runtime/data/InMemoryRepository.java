package dev.plugboard.runtime.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A repository base class that keeps tickets in a map and remembers whether each
 * statement ran inside a transaction.
 */
class InMemoryRepository implements BatchRepository<Ticket, Long> {

	final Map<Long, Ticket> rows = new LinkedHashMap<>();

	final List<Boolean> statementsInTransaction = new ArrayList<>();

	private long sequence;

	private void statement() {
		this.statementsInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
	}

	@Override
	public <S extends Ticket> S save(S entity) {
		statement();
		if (entity.id == null) {
			entity.id = ++this.sequence;
		}
		this.rows.put(entity.id, entity);
		return entity;
	}

	@Override
	public <S extends Ticket> List<S> saveAll(Iterable<S> entities) {
		List<S> saved = new ArrayList<>();
		entities.forEach((entity) -> saved.add(save(entity)));
		return saved;
	}

	@Override
	public Optional<Ticket> findById(Long id) {
		return Optional.ofNullable(this.rows.get(id));
	}

	@Override
	public boolean existsById(Long id) {
		return this.rows.containsKey(id);
	}

	@Override
	public List<Ticket> findAll() {
		return new ArrayList<>(this.rows.values());
	}

	@Override
	public List<Ticket> findAllById(Iterable<Long> ids) {
		List<Ticket> found = new ArrayList<>();
		ids.forEach((id) -> findById(id).ifPresent(found::add));
		return found;
	}

	@Override
	public long count() {
		return this.rows.size();
	}

	@Override
	public void deleteById(Long id) {
		statement();
		this.rows.remove(id);
	}

	@Override
	public void delete(Ticket entity) {
		deleteById(entity.id);
	}

	@Override
	public void deleteAllById(Iterable<? extends Long> ids) {
		ids.forEach(this::deleteById);
	}

	@Override
	public void deleteAll(Iterable<? extends Ticket> entities) {
		entities.forEach(this::delete);
	}

	@Override
	public void deleteAll() {
		statement();
		this.rows.clear();
	}

	@Override
	public <S extends Ticket> S saveAndFlush(S entity) {
		return save(entity);
	}

	@Override
	public <S extends Ticket> List<S> saveAllAndFlush(Iterable<S> entities) {
		return saveAll(entities);
	}

	@Override
	public void deleteAllInBatch(Iterable<Ticket> entities) {
		deleteAll(entities);
	}

	@Override
	public void deleteAllByIdInBatch(Iterable<Long> ids) {
		deleteAllById(ids);
	}

	@Override
	public void deleteAllInBatch() {
		deleteAll();
	}

}
