package org.misinfodesk.triage.ui;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/** Spring Security's form login posts to {@code /login}; this only shows the form. */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login(ServerWebExchange exchange, Model model) {
		// Security redirects to "?error" and "?logout": parameters without a value.
		MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
		model.addAttribute("failed", query.containsKey("error"));
		model.addAttribute("loggedOut", query.containsKey("logout"));
		return "login";
	}

}
