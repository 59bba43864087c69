package dev.plugboard.runtime.data;

import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.AbstractEntityInformation;
import org.springframework.data.repository.core.support.RepositoryComposition.RepositoryFragments;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;

/**
 * A Spring Data repository factory for {@link InMemoryRepository}: the real proxy
 * machinery, with the store replaced by a map.
 */
class InMemoryRepositoryFactory extends RepositoryFactorySupport {

	final InMemoryRepository store = new InMemoryRepository();

	@Override
	public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
		return new AbstractEntityInformation<Ticket, Long>(Ticket.class) {

			@Override
			public Long getId(Ticket entity) {
				return entity.id;
			}

			@Override
			public Class<Long> getIdType() {
				return Long.class;
			}

		};
	}

	RepositoryInformation information(Class<?> repositoryInterface) {
		return getRepositoryInformation(getRepositoryMetadata(repositoryInterface), RepositoryFragments.empty());
	}

	@Override
	protected Object getTargetRepository(RepositoryInformation metadata) {
		return this.store;
	}

	@Override
	protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
		return InMemoryRepository.class;
	}

}
