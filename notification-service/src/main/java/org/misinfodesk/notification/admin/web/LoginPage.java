package org.misinfodesk.notification.admin.web;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/** Spring Security's form login posts to {@code /login}; this only shows the form. */
@Controller
class LoginPage {

	@GetMapping("/login")
	Mono<Rendering> login(ServerWebExchange exchange) {
		var query = exchange.getRequest().getQueryParams();
		return AdminPage.csrf(exchange)
			.map((csrf) -> Rendering.view("login")
				.modelAttribute("csrf", csrf)
				.modelAttribute("failed", query.containsKey("error"))
				.modelAttribute("loggedOut", query.containsKey("logout"))
				.build());
	}

}
