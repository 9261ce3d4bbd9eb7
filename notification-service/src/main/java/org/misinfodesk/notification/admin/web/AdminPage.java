package org.misinfodesk.notification.admin.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.misinfodesk.notification.agency.Agencies;
import org.misinfodesk.notification.agency.Agency;
import org.misinfodesk.notification.agency.AgencyApiKey;
import org.misinfodesk.notification.agency.EmailContact;
import org.misinfodesk.notification.agency.ManagingApiKeys;
import org.misinfodesk.notification.agency.ManagingEmailContacts;
import org.misinfodesk.notification.delivery.Delivery;
import org.misinfodesk.notification.delivery.ReplayingDeliveries;
import org.misinfodesk.notification.text.Wording;
import org.misinfodesk.notification.webhook.ManagingWebhooks;
import org.misinfodesk.notification.webhook.WebhookEndpoint;
import org.misinfodesk.notification.webhook.WebhookEndpoints;
import org.misinfodesk.platform.problem.LanguageResolver;
import org.misinfodesk.platform.problem.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/**
 * A small page for administrators (form login, ADMIN): each agency with its email contact points,
 * a form to add one and buttons to disable, enable or delete the added ones; its webhook endpoints
 * with buttons to disable or enable them; the API keys of its own system, with buttons to create one
 * (shown once, on the page that answers the button) and to revoke one; and the latest failed
 * deliveries with a button to send each again. Everything else is in the API.
 */
@Controller
class AdminPage {

	static final int FAILED_SHOWN = 50;

	private final Agencies agencies;

	private final ManagingEmailContacts contacts;

	private final WebhookEndpoints endpoints;

	private final ManagingWebhooks managing;

	private final ReplayingDeliveries replaying;

	private final Wording wording;

	private final ManagingApiKeys keys;

	AdminPage(Agencies agencies, ManagingEmailContacts contacts, WebhookEndpoints endpoints, ManagingWebhooks managing,
			ReplayingDeliveries replaying, Wording wording, ManagingApiKeys keys) {
		this.agencies = agencies;
		this.contacts = contacts;
		this.endpoints = endpoints;
		this.managing = managing;
		this.replaying = replaying;
		this.wording = wording;
		this.keys = keys;
	}

	@GetMapping("/admin")
	Mono<Rendering> show(ServerWebExchange exchange) {
		return page(exchange, null, null);
	}

	/** Answers with the page itself, not a redirect: the new key is on it this once and stored nowhere. */
	@PostMapping("/admin/agencies/{agencyId}/api-keys")
	Mono<Rendering> createApiKey(@PathVariable String agencyId, ServerWebExchange exchange) {
		return this.keys.create(agencyId)
			.flatMap((created) -> page(exchange, null, new NewKey(agencyId, created.stored().id(), created.key())));
	}

	@PostMapping("/admin/agencies/{agencyId}/api-keys/{id}/revoke")
	Mono<Rendering> revokeApiKey(@PathVariable String agencyId, @PathVariable String id) {
		return this.keys.revoke(agencyId, id).thenReturn(backToPage());
	}

	@PostMapping("/admin/agencies/{agencyId}/webhooks/{id}/disable")
	Mono<Rendering> disable(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.disable(agencyId, id).thenReturn(backToPage());
	}

	@PostMapping("/admin/agencies/{agencyId}/webhooks/{id}/enable")
	Mono<Rendering> enable(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.enable(agencyId, id).thenReturn(backToPage());
	}

	/** A refused address shows the page again with the reason, as the same address would be refused by the API. */
	@PostMapping("/admin/agencies/{agencyId}/emails")
	Mono<Rendering> addEmail(@PathVariable String agencyId, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> this.contacts.add(agencyId, form.getFirst("email")))
			.thenReturn(backToPage())
			.onErrorResume(ProblemException.class, (refused) -> page(exchange, refused, null));
	}

	@PostMapping("/admin/agencies/{agencyId}/emails/{id}/disable")
	Mono<Rendering> disableEmail(@PathVariable String agencyId, @PathVariable String id) {
		return this.contacts.disable(agencyId, id).thenReturn(backToPage());
	}

	@PostMapping("/admin/agencies/{agencyId}/emails/{id}/enable")
	Mono<Rendering> enableEmail(@PathVariable String agencyId, @PathVariable String id) {
		return this.contacts.enable(agencyId, id).thenReturn(backToPage());
	}

	@PostMapping("/admin/agencies/{agencyId}/emails/{id}/delete")
	Mono<Rendering> deleteEmail(@PathVariable String agencyId, @PathVariable String id) {
		return this.contacts.delete(agencyId, id).thenReturn(backToPage());
	}

	@PostMapping("/admin/deliveries/{id}/replay")
	Mono<Rendering> replay(@PathVariable String id) {
		return this.replaying.replay(id).thenReturn(backToPage());
	}

	private Mono<Rendering> page(ServerWebExchange exchange, ProblemException refused, NewKey newKey) {
		Mono<List<AgencyRow>> rows = Flux.fromIterable(this.agencies.all())
			.concatMap((agency) -> Mono
				.zip(this.contacts.list(agency.id()).collectList(), this.endpoints.findByAgency(agency.id()).collectList(),
						this.keys.list(agency.id()).collectList())
				.map((found) -> new AgencyRow(agency, found.getT1(), found.getT2(), found.getT3())))
			.collectList();
		Mono<List<Delivery>> failed = this.replaying.failed(FAILED_SHOWN).collectList();
		Mono<String> user = exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("");
		return Mono.zip(rows, failed, csrf(exchange), user).map((all) -> {
			Rendering.Builder<?> page = Rendering.view("admin")
				.modelAttribute("agencies", all.getT1())
				.modelAttribute("failed", all.getT2())
				.modelAttribute("csrf", all.getT3())
				.modelAttribute("user", all.getT4());
			if (newKey != null) {
				page.modelAttribute("newKey", newKey);
			}
			if (refused != null) {
				page.modelAttribute("error", explain(refused, LanguageResolver.resolve(exchange)))
					.status(refused.status());
			}
			return page.build();
		});
	}

	private String explain(ProblemException refused, Locale locale) {
		if (refused.fieldProblems().isEmpty()) {
			return this.wording.message("problem." + refused.slug() + ".detail", locale, refused.args().toArray());
		}
		return refused.fieldProblems()
			.stream()
			.map((problem) -> this.wording.message("field." + problem.code(), locale, problem.args().toArray()))
			.collect(Collectors.joining(" "));
	}

	/** The token the page's forms carry; the security chain puts it on every exchange it protects. */
	static Mono<CsrfToken> csrf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return token == null ? Mono.error(new IllegalStateException("No CSRF token on " + exchange.getRequest().getPath()))
				: token;
	}

	private static Rendering backToPage() {
		return Rendering.redirectTo("/admin").build();
	}

	record AgencyRow(Agency agency, List<EmailContact> contacts, List<WebhookEndpoint> endpoints,
			List<AgencyApiKey> keys) {
	}

	/** @param key the key itself, on this one page only */
	record NewKey(String agencyId, String id, String key) {
	}

}
