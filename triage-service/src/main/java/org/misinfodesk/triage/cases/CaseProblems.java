package org.misinfodesk.triage.cases;

import java.util.List;

import org.misinfodesk.platform.problem.ProblemException;
import reactor.util.retry.Retry;
import reactor.util.retry.RetrySpec;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * The errors staff can meet working a case, rendered as problem+json with the message keys
 * {@code problem.<slug>.*} of this service.
 */
public final class CaseProblems {

	/**
	 * Retries a read-decide-write whose write found the case changed since the read: the next read
	 * decides again (and usually answers with a precise conflict).
	 */
	public static final RetrySpec RETRY_CHANGED_MEANWHILE = Retry.max(3)
		.filter(ChangedMeanwhile.class::isInstance)
		.onRetryExhaustedThrow((spec, signal) -> ProblemException.conflict("case-changed"));

	private CaseProblems() {
	}

	public static ProblemException notFound(String caseId) {
		// The shared not-found message names the resource; a resolvable names it in the reader's language.
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found",
				List.of(localized("resource.case", "case"), caseId), List.of());
	}

	public static ProblemException claimedByOther(Claim claim) {
		return ProblemException.conflict("case-claimed", claim.by(), claim.expiresAt());
	}

	public static ProblemException alreadyDecided(CaseStatus status) {
		return ProblemException.conflict("case-decided", localized("status." + status.name(), status.name()));
	}

	public static ProblemException claimRequired() {
		return ProblemException.conflict("claim-required");
	}

	public static ProblemException claimNotHeld() {
		return ProblemException.conflict("claim-not-held");
	}

	/** Signals that a conditional write found the case changed since it was read. */
	public static ChangedMeanwhile changedMeanwhile(String caseId) {
		return new ChangedMeanwhile(caseId);
	}

	private static DefaultMessageSourceResolvable localized(String code, String fallback) {
		return new DefaultMessageSourceResolvable(new String[] { code }, fallback);
	}

	/** Caught by {@link #RETRY_CHANGED_MEANWHILE}; never reaches a client. */
	public static final class ChangedMeanwhile extends RuntimeException {

		ChangedMeanwhile(String caseId) {
			super("Case " + caseId + " changed since it was read", null, false, false);
		}

	}

}
