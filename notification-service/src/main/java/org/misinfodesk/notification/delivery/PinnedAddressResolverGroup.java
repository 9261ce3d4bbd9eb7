package org.misinfodesk.notification.delivery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * Resolves every host name to the one address the target policy checked. The request keeps the
 * URL's host name (so the {@code Host} header and the TLS server name stay the agency's), but the
 * connection can only go where the check allowed: a DNS answer that changes between check and
 * connect is never asked for.
 */
final class PinnedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	private final InetAddress address;

	PinnedAddressResolverGroup(InetAddress address) {
		this.address = address;
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		InetAddress pinned = this.address;
		return new InetNameResolver(executor) {

			@Override
			protected void doResolve(String host, Promise<InetAddress> promise) {
				promise.setSuccess(pinned);
			}

			@Override
			protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
				promise.setSuccess(List.of(pinned));
			}

		}.asAddressResolver();
	}

}
