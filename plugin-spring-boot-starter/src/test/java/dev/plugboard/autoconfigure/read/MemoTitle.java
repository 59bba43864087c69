package dev.plugboard.autoconfigure.read;

/**
 * An interface projection of a memo.
 */
public interface MemoTitle {

	String getTitle();

}
