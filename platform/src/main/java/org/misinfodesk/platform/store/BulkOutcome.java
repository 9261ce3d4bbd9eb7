package org.misinfodesk.platform.store;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;

import org.springframework.data.mongodb.BulkOperationException;

/**
 * Which writes of an unordered bulk command were refused because they met a unique index. Such a
 * refusal is often the answer the caller wanted (the document is there already, or a newer one is),
 * while any other failure is a real one.
 */
public final class BulkOutcome {

	/** MongoDB's code for a write that met a unique index. */
	public static final int DUPLICATE_KEY = 11000;

	private BulkOutcome() {
	}

	/**
	 * The positions, in the bulk command, of the writes refused by a unique index.
	 * @return {@code null} when the failure is not a bulk write's, or a write failed for another reason
	 */
	public static Set<Integer> duplicates(Throwable failed) {
		for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoBulkWriteException bulk) {
				return onlyDuplicates(bulk.getWriteErrors());
			}
			if (cause instanceof BulkOperationException bulk) {
				return onlyDuplicates(bulk.getErrors());
			}
		}
		return null;
	}

	/** Whether every write that failed met a unique index. */
	public static boolean onlyDuplicates(Throwable failed) {
		return duplicates(failed) != null;
	}

	private static Set<Integer> onlyDuplicates(List<BulkWriteError> errors) {
		if (errors.stream().anyMatch((error) -> error.getCode() != DUPLICATE_KEY)) {
			return null;
		}
		return errors.stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
	}

}
