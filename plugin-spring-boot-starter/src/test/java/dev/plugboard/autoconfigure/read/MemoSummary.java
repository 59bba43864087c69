package dev.plugboard.autoconfigure.read;

/**
 * A DTO projection of a memo.
 *
 * @param title the title
 */
public record MemoSummary(String title) {

}
