package org.misinfodesk.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.misinfodesk.platform.problem.FieldProblem;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs may receive webhooks: absolute {@code http}/{@code https} URLs of at most 2,048
 * characters; outside the local profile only {@code https}, and only hosts whose every address is
 * public, so that a registered URL cannot reach into our own network. Checked at registration and
 * again before every send, where the host is resolved once and the request goes to the address
 * that was checked, so a name that resolves differently a moment later (DNS rebinding) gains nothing.
 */
@Component
public class WebhookTargets {

	public static final int MAX_LENGTH = 2048;

	private final boolean insecureAllowed;

	private final Resolver resolver;

	@Autowired
	WebhookTargets(WebhookSettings settings, ObjectProvider<Resolver> resolver) {
		this(settings.insecureTargetsAllowed(), resolver.getIfAvailable(() -> InetAddress::getAllByName));
	}

	WebhookTargets(boolean insecureAllowed, Resolver resolver) {
		this.insecureAllowed = insecureAllowed;
		this.resolver = resolver;
	}

	/**
	 * Checks a URL, resolving its host when the policy needs its addresses.
	 * @return what is wrong with it, under {@code field}; empty when it may receive webhooks
	 */
	public Mono<List<FieldProblem>> check(String field, String url) {
		List<FieldProblem> syntax = syntaxProblems(field, url);
		if (!syntax.isEmpty() || this.insecureAllowed) {
			return Mono.just(syntax);
		}
		return Mono.fromCallable(() -> addressProblems(field, URI.create(url.strip()).getHost()))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Checks a URL for a send: resolves its host once and checks every address.
	 * @return the address to connect to, or what is wrong with the URL
	 */
	public Mono<Resolved> resolve(String url) {
		List<FieldProblem> syntax = syntaxProblems("url", url);
		if (!syntax.isEmpty()) {
			return Mono.just(Resolved.refused(syntax));
		}
		String host = unbracketed(URI.create(url.strip()).getHost());
		return Mono.fromCallable(() -> {
			InetAddress[] addresses;
			try {
				addresses = this.resolver.resolve(host);
			}
			catch (UnknownHostException ex) {
				return Resolved.refused(List.of(FieldProblem.of("url", "unresolvable-host", host)));
			}
			if (addresses.length == 0) {
				return Resolved.refused(List.of(FieldProblem.of("url", "unresolvable-host", host)));
			}
			if (!this.insecureAllowed) {
				for (InetAddress address : addresses) {
					if (!isPublic(address)) {
						return Resolved.refused(List.of(FieldProblem.of("url", "private-target", host)));
					}
				}
			}
			return new Resolved(List.of(), addresses[0]);
		}).subscribeOn(Schedulers.boundedElastic());
	}

	List<FieldProblem> syntaxProblems(String field, String url) {
		if (url == null || url.isBlank()) {
			return List.of(FieldProblem.of(field, "required"));
		}
		String candidate = url.strip();
		if (candidate.length() > MAX_LENGTH) {
			return List.of(FieldProblem.of(field, "too-long", MAX_LENGTH));
		}
		URI uri;
		try {
			uri = new URI(candidate);
		}
		catch (URISyntaxException ex) {
			return List.of(FieldProblem.of(field, "invalid-url"));
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https"))
				|| uri.getHost() == null || uri.getRawUserInfo() != null) {
			return List.of(FieldProblem.of(field, "invalid-url"));
		}
		if (!this.insecureAllowed && !scheme.equals("https")) {
			return List.of(FieldProblem.of(field, "https-required"));
		}
		return List.of();
	}

	List<FieldProblem> addressProblems(String field, String host) {
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(unbracketed(host));
		}
		catch (UnknownHostException ex) {
			return List.of(FieldProblem.of(field, "unresolvable-host", host));
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				return List.of(FieldProblem.of(field, "private-target", host));
			}
		}
		return List.of();
	}

	/** Whether an address belongs to the public internet, as far as a simple check can tell. */
	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			boolean thisNetwork = first == 0;
			boolean sharedAddressSpace = first == 100 && (second & 0xc0) == 64;
			boolean broadcast = first == 255;
			return !(thisNetwork || sharedAddressSpace || broadcast);
		}
		if (address instanceof Inet6Address v6) {
			boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
			if (uniqueLocal) {
				return false;
			}
			if (v6.isIPv4CompatibleAddress() || isIpv4Mapped(bytes)) {
				try {
					return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
		}
		return true;
	}

	/** {@code ::ffff:a.b.c.d}, which reaches the IPv4 address {@code a.b.c.d}. */
	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
	}

	private static String unbracketed(String host) {
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	/**
	 * The outcome of checking a URL for one send.
	 * @param address the checked address the request must go to; {@code null} when refused
	 */
	public record Resolved(List<FieldProblem> problems, InetAddress address) {

		static Resolved refused(List<FieldProblem> problems) {
			return new Resolved(problems, null);
		}

		public boolean refused() {
			return this.address == null;
		}

	}

	/** Looks up a host's addresses; the DNS in production (unless a bean replaces it), a table in tests. */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
