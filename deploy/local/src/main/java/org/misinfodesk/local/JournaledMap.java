package org.misinfodesk.local;

import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/**
 * A map of the store whose every change is also written to the {@link Journal}: the key and what
 * the map holds for it afterwards, in the order the changes were made.
 */
final class JournaledMap<K, V> extends MVMap<K, V> {

	/** The decision maker of H2's compaction, which writes a page's values back unchanged. */
	private static final Class<?> REWRITE = rewriteDecisionMaker();

	private final Journal journal;

	private JournaledMap(Map<String, Object> config, DataType<K> keyType, DataType<V> valueType, Journal journal) {
		super(config, keyType, valueType);
		this.journal = journal;
	}

	/**
	 * Every change of an entry comes through here: a put or a remove is recorded from what it did,
	 * any other change (a unique index's put-if-absent) with what the map holds afterwards, if that
	 * is not what it held before. The store's compaction rewrites pages through here
	 * too, with the values they hold: that changes nothing, and is not recorded.
	 * <p>
	 * No lock is taken here: the compaction holds the store's lock when it comes through, and a
	 * write may wait for that lock inside {@code super.operate} when the store wants a commit.
	 * Changes of one key are recorded in the order the map made them because mongo-java-server
	 * makes every change to a collection's maps (documents, unique indexes, metadata) under that
	 * collection's lock.
	 */
	@Override
	public V operate(K key, V value, DecisionMaker<? super V> decisionMaker) {
		V previous = super.operate(key, value, decisionMaker);
		if (decisionMaker == DecisionMaker.PUT) {
			this.journal.recordChange(this, key, value);
		}
		else if (decisionMaker == DecisionMaker.REMOVE) {
			if (previous != null) {
				this.journal.recordChange(this, key, null);
			}
		}
		else if (!REWRITE.isInstance(decisionMaker)) {
			V now = get(key);
			if (now != previous) {
				this.journal.recordChange(this, key, now);
			}
		}
		return previous;
	}

	@Override
	public void clear() {
		super.clear();
		this.journal.recordClear(this);
	}

	private static Class<?> rewriteDecisionMaker() {
		try {
			return Class.forName(MVMap.class.getName() + "$RewriteDecisionMaker");
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("This version of H2 has no " + MVMap.class.getName()
					+ "$RewriteDecisionMaker, which the journal needs to tell a compaction from a change", ex);
		}
	}

	/** Opens maps as journaled maps of the given journal. */
	static final class Builder<K, V> extends MVMap.Builder<K, V> {

		private final Journal journal;

		Builder(Journal journal) {
			this.journal = journal;
		}

		@Override
		protected MVMap<K, V> create(Map<String, Object> config) {
			return new JournaledMap<>(config, getKeyType(), getValueType(), this.journal);
		}

	}

}
