package dev.plugboard.autoconfigure.read;

/**
 * An entity that belongs to one tenant.
 */
public interface Tenanted {

	String tenant();

}
