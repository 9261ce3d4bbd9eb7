package org.misinfodesk.report.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.misinfodesk.platform.outbox.Outbox;
import org.misinfodesk.platform.outbox.OutboxEvent;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.report.evidence.EvidenceChecks;
import org.misinfodesk.report.evidence.EvidenceSettings;
import org.misinfodesk.report.privacy.ContactProtections;
import org.misinfodesk.report.tracking.TrackingCode;
import org.misinfodesk.report.tracking.TrackingCodes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.misinfodesk.report.intake.ReportDrafts.aBareReport;
import static org.misinfodesk.report.intake.ReportDrafts.aHealthRumour;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class SubmittingReportTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

	final StoredReports reports = new StoredReports();

	final ScriptedCodes codes = new ScriptedCodes();

	final JsonMapper json = JsonMapper.builder().build();

	final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

	final SubmittingReport submitting = new SubmittingReport(new ReportRules(IntakeSettings.defaults(), CLOCK),
			this.reports, this.codes, ContactProtections.withTheDevelopmentKey(), outbox(this.json), CLOCK,
			new EvidenceChecks(EvidenceSettings.defaults()), null, new IntakeMetrics(this.metrics));

	@Test
	void storesTheReportWithItsFirstStepAndTheEventThatAnnouncesIt() {
		this.codes.willDraw("7KQ4-M9TX");

		Receipt receipt = submit(aHealthRumour(), null);

		Report stored = this.reports.byId.get(receipt.reportId());
		assertThat(stored.trackingCode()).isEqualTo("7KQ4-M9TX");
		assertThat(stored.history()).singleElement().satisfies((step) -> assertThat(step.at()).isEqualTo(CLOCK.instant()));
		assertThat(stored.outbox()).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("org.misinfodesk.report.submitted.v1");
			assertThat(event.topic()).isEqualTo("reports.submitted");
			assertThat(event.key()).isEqualTo(receipt.reportId());
			assertThat(event.data()).contains("\"trackingCode\":\"7KQ4-M9TX\"");
		});
		assertThat(receipt.replayed()).isFalse();
	}

	@Test
	void drawsAnotherCodeWhenTheFirstIsTaken() {
		this.codes.willDraw("7KQ4-M9TX", "7KQ4-M9TX", "ABCD-EFGH");

		Receipt first = submit(aBareReport("một"), null);
		Receipt second = submit(aBareReport("hai"), null);

		assertThat(first.trackingCode().value()).isEqualTo("7KQ4-M9TX");
		assertThat(second.trackingCode().value()).isEqualTo("ABCD-EFGH");
		assertThat(this.reports.byId).hasSize(2);
	}

	@Test
	void givesUpAfterAFewClashesInARow() {
		this.codes.willDraw("7KQ4-M9TX", "7KQ4-M9TX", "7KQ4-M9TX", "7KQ4-M9TX", "7KQ4-M9TX", "7KQ4-M9TX");
		submit(aBareReport("một"), null);

		assertThatIllegalStateException().isThrownBy(() -> submit(aBareReport("hai"), null))
			.withMessageContaining("5 attempts");
	}

	@Test
	void answersARetryWithTheFirstReceiptWithoutStoringAgain() {
		this.codes.willDraw("7KQ4-M9TX", "ABCD-EFGH");

		Receipt first = submit(aHealthRumour(), "key-1");
		Receipt again = submit(aHealthRumour(), "key-1");

		assertThat(again).isEqualTo(new Receipt(first.reportId(), first.trackingCode(), first.status(),
				first.submittedAt(), true));
		assertThat(this.reports.byId).hasSize(1);
		assertThat(received("accepted", "none")).isEqualTo(1);
		assertThat(received("replayed", "none")).isEqualTo(1);
	}

	@Test
	void answersTheLoserOfARaceOnTheSameKeyWithTheWinnersReceipt() {
		this.codes.willDraw("7KQ4-M9TX", "ABCD-EFGH");
		Receipt winner = submit(aHealthRumour(), "key-1");
		// the loser looked before the winner stored, so it learns of the winner only from the clash
		this.reports.hideNextLookUp();

		Receipt loser = submit(aHealthRumour(), "key-1");

		assertThat(loser.trackingCode()).isEqualTo(winner.trackingCode());
		assertThat(loser.replayed()).isTrue();
	}

	@Test
	void refusesTheSameKeyForADifferentReport() {
		this.codes.willDraw("7KQ4-M9TX", "ABCD-EFGH");
		submit(aHealthRumour(), "key-1");

		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> submit(aBareReport("khác"), "key-1"))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				assertThat(problem.slug()).isEqualTo("idempotency-key-reused");
			});
		assertThat(received("refused", "idempotency-key-reused")).isEqualTo(1);
	}

	private double received(String outcome, String reason) {
		return this.metrics.get("misinfodesk.reports.received").tag("outcome", outcome).tag("reason", reason)
			.counter()
			.count();
	}

	@Test
	void remembersTheLanguageOfTheRequest() {
		this.codes.willDraw("7KQ4-M9TX", "ABCD-EFGH");

		Receipt english = submit(aBareReport("one"), null, Locale.ENGLISH);
		Receipt french = submit(aBareReport("un"), null, Locale.FRENCH);

		assertThat(this.reports.byId.get(english.reportId()).language()).isEqualTo("en");
		assertThat(this.reports.byId.get(french.reportId()).language()).isEqualTo("vi");
	}

	private Receipt submit(ReportDraft draft, String key) {
		return submit(draft, key, Locale.forLanguageTag("vi"));
	}

	private Receipt submit(ReportDraft draft, String key, Locale language) {
		return this.submitting.submit(draft, key, language).block();
	}

	/** Makes events as the platform's outbox does; the relay is not this test's concern. */
	static Outbox outbox(JsonMapper json) {
		Outbox outbox = mock(Outbox.class);
		when(outbox.event(anyString(), anyString(), anyString(), any())).thenAnswer((call) -> new OutboxEvent(
				UUID.randomUUID().toString(), call.getArgument(0), "/report-service", call.getArgument(1),
				call.getArgument(2), call.getArgument(2), CLOCK.instant(), json.writeValueAsString(call.getArgument(3)),
				null));
		return outbox;
	}

	/** A store that, like MongoDB with its unique indexes, refuses a second report with the same id or code. */
	static class StoredReports extends Reports {

		final Map<String, Report> byId = new ConcurrentHashMap<>();

		private boolean hideNextLookUp;

		StoredReports() {
			super(null);
		}

		void hideNextLookUp() {
			this.hideNextLookUp = true;
		}

		@Override
		Mono<Report> insert(Report report) {
			return Mono.fromCallable(() -> {
				boolean codeTaken = this.byId.values()
					.stream()
					.anyMatch((other) -> other.trackingCode().equals(report.trackingCode()));
				if (codeTaken || this.byId.putIfAbsent(report.id(), report) != null) {
					throw new DuplicateKeyException("E11000 duplicate key");
				}
				return report;
			});
		}

		@Override
		Mono<Report> findById(String id) {
			if (this.hideNextLookUp) {
				this.hideNextLookUp = false;
				return Mono.empty();
			}
			return Mono.justOrEmpty(this.byId.get(id));
		}

	}

	/** Draws the codes a test chose, in order. */
	static class ScriptedCodes extends TrackingCodes {

		private final Deque<String> next = new ArrayDeque<>();

		void willDraw(String... codes) {
			this.next.addAll(List.of(codes));
		}

		@Override
		public TrackingCode next() {
			return new TrackingCode(this.next.removeFirst());
		}

	}

}
