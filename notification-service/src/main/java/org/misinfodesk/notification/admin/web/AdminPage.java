package org.misinfodesk.notification.admin.web;

import java.util.List;

import org.misinfodesk.notification.agency.Agencies;
import org.misinfodesk.notification.agency.Agency;
import org.misinfodesk.notification.delivery.Delivery;
import org.misinfodesk.notification.delivery.ReplayingDeliveries;
import org.misinfodesk.notification.webhook.ManagingWebhooks;
import org.misinfodesk.notification.webhook.WebhookEndpoint;
import org.misinfodesk.notification.webhook.WebhookEndpoints;
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
 * A small page for administrators (HTTP Basic, ADMIN): each agency with its email contact points and
 * webhook endpoints, buttons to disable or enable an endpoint, and the latest failed deliveries with
 * a button to send each again. Everything else is in the API.
 */
@Controller
class AdminPage {

	static final int FAILED_SHOWN = 50;

	private final Agencies agencies;

	private final WebhookEndpoints endpoints;

	private final ManagingWebhooks managing;

	private final ReplayingDeliveries replaying;

	AdminPage(Agencies agencies, WebhookEndpoints endpoints, ManagingWebhooks managing,
			ReplayingDeliveries replaying) {
		this.agencies = agencies;
		this.endpoints = endpoints;
		this.managing = managing;
		this.replaying = replaying;
	}

	@GetMapping("/admin")
	Mono<Rendering> show(ServerWebExchange exchange) {
		Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
		Mono<List<AgencyRow>> rows = Flux.fromIterable(this.agencies.all())
			.concatMap((agency) -> this.endpoints.findByAgency(agency.id())
				.collectList()
				.map((hooks) -> new AgencyRow(agency, hooks)))
			.collectList();
		Mono<List<Delivery>> failed = this.replaying.failed(FAILED_SHOWN).collectList();
		return Mono.zip(rows, failed, csrf)
			.map((all) -> Rendering.view("admin")
				.modelAttribute("agencies", all.getT1())
				.modelAttribute("failed", all.getT2())
				.modelAttribute("csrf", all.getT3())
				.build());
	}

	@PostMapping("/admin/agencies/{agencyId}/webhooks/{id}/disable")
	Mono<Rendering> disable(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.disable(agencyId, id).thenReturn(backToPage());
	}

	@PostMapping("/admin/agencies/{agencyId}/webhooks/{id}/enable")
	Mono<Rendering> enable(@PathVariable String agencyId, @PathVariable String id) {
		return this.managing.enable(agencyId, id).thenReturn(backToPage());
	}

	@PostMapping("/admin/deliveries/{id}/replay")
	Mono<Rendering> replay(@PathVariable String id) {
		return this.replaying.replay(id).thenReturn(backToPage());
	}

	private static Rendering backToPage() {
		return Rendering.redirectTo("/admin").build();
	}

	record AgencyRow(Agency agency, List<WebhookEndpoint> endpoints) {
	}

}
