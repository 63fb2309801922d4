package org.dialbook.importer;

/**
 * How an undo ended.
 *
 * @param alreadyGone contacts that were deleted by someone else before the undo reached them
 * @param failed contacts that could not be deleted; running undo again retries them
 */
public record UndoResult(long deleted, long alreadyGone, long failed, boolean cancelled) {
}
