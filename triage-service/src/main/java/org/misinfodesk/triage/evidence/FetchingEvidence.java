package org.misinfodesk.triage.evidence;

import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import org.misinfodesk.platform.problem.ProblemException;
import org.misinfodesk.triage.cases.Case;
import org.misinfodesk.triage.cases.CaseProblems;
import org.misinfodesk.triage.cases.Cases;
import org.misinfodesk.triage.cases.Evidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Streams an evidence file (or its thumbnail) of a case's report from report-service. Only
 * evidence of a report in the case is fetched, so the proxy cannot be used to read anything else.
 */
@Service
public class FetchingEvidence {

	private static final Logger log = LoggerFactory.getLogger(FetchingEvidence.class);

	private final Cases cases;

	private final EvidenceSettings settings;

	private final WebClient client;

	FetchingEvidence(Cases cases, EvidenceSettings settings) {
		this.cases = cases;
		this.settings = settings;
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
			.responseTimeout(settings.responseTimeout());
		WebClient.Builder builder = WebClient.builder()
			.baseUrl(settings.baseUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(http));
		if (settings.configured()) {
			builder.defaultHeaders((headers) -> headers.setBasicAuth(settings.username(), settings.password()));
		}
		this.client = builder.build();
	}

	/** What can be fetched: the file itself or its thumbnail. */
	public enum Rendition {

		ORIGINAL(""), THUMBNAIL("/thumbnail");

		private final String suffix;

		Rendition(String suffix) {
			this.suffix = suffix;
		}

	}

	/**
	 * @return the file as report-service sends it, its type and length kept
	 * @throws ProblemException (in the Mono) 404 when the case or its evidence does not exist, 502
	 * or 504 when report-service fails or does not answer in time, 503 when no credentials are set
	 */
	public Mono<ResponseEntity<Flux<DataBuffer>>> fetch(String caseId, String evidenceId, Rendition rendition) {
		return this.cases.findById(caseId)
			.switchIfEmpty(Mono.error(() -> CaseProblems.notFound(caseId)))
			.flatMap((found) -> evidenceOf(found, evidenceId))
			.flatMap((evidence) -> fetch(evidence, rendition));
	}

	private static Mono<Evidence> evidenceOf(Case found, String evidenceId) {
		return Mono.justOrEmpty(found.reports()
			.stream()
			.flatMap((report) -> report.evidence().stream())
			.filter((file) -> file.id().equals(evidenceId))
			.findFirst()).switchIfEmpty(Mono.error(() -> evidenceNotFound(evidenceId)));
	}

	private Mono<ResponseEntity<Flux<DataBuffer>>> fetch(Evidence evidence, Rendition rendition) {
		if (!this.settings.configured()) {
			return Mono.error(ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "evidence-unavailable"));
		}
		return this.client.get()
			.uri((uri) -> uri.path("/api/v1/evidence/{id}" + rendition.suffix).build(evidence.id()))
			.accept(MediaType.ALL)
			.retrieve()
			.toEntityFlux(DataBuffer.class)
			.timeout(this.settings.responseTimeout().plus(this.settings.connectTimeout()))
			.onErrorMap(WebClientResponseException.NotFound.class, (missing) -> evidenceNotFound(evidence.id()))
			.onErrorMap(WebClientResponseException.class, (failed) -> {
				log.warn("report-service answered {} for evidence {}", failed.getStatusCode(), evidence.id());
				return ProblemException.of(HttpStatus.BAD_GATEWAY, "evidence-unavailable");
			})
			.onErrorMap(FetchingEvidence::timedOut,
					(slow) -> ProblemException.of(HttpStatus.GATEWAY_TIMEOUT, "evidence-timeout"))
			.onErrorMap(WebClientRequestException.class, (unreachable) -> {
				log.warn("Could not reach report-service for evidence {}: {}", evidence.id(), unreachable.getMessage());
				return ProblemException.of(HttpStatus.BAD_GATEWAY, "evidence-unavailable");
			});
	}

	private static boolean timedOut(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof ReadTimeoutException
					|| cause.getClass().getSimpleName().contains("Timeout")) {
				return true;
			}
		}
		return false;
	}

	private static ProblemException evidenceNotFound(String evidenceId) {
		return ProblemException.notFound("evidence", evidenceId);
	}

}
