package dev.plugboard.runtime.data;

import org.jspecify.annotations.Nullable;

class Ticket {

	@Nullable Long id;

	String title;

	Ticket(@Nullable Long id, String title) {
		this.id = id;
		this.title = title;
	}

}
