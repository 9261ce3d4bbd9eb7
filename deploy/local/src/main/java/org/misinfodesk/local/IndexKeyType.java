package org.misinfodesk.local;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of a unique index, ordered by MongoDB's own value order and stored as BSON values. H2's
 * default type does not know {@link KeyValue}, so it compared two keys by Java-serialising both: every
 * step of every index lookup serialised objects.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

	static final IndexKeyType INSTANCE = new IndexKeyType();

	/** Marks a field the document does not have (a sparse key), which BSON has no value for. */
	private static final byte MISSING = 0;

	private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(256));

	private final ValueComparator order = ValueComparator.ascWithoutListHandling();

	private IndexKeyType() {
	}

	@Override
	public int compare(KeyValue a, KeyValue b) {
		int common = Math.min(a.size(), b.size());
		for (int i = 0; i < common; i++) {
			int byValue = this.order.compare(a.get(i), b.get(i));
			if (byValue != 0) {
				return byValue;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

	@Override
	public void write(WriteBuffer buff, KeyValue key) {
		ByteBuf scratch = SCRATCH.get().clear();
		for (Object value : key) {
			if (value instanceof Missing) {
				scratch.writeByte(MISSING);
			}
			else {
				byte type = BsonEncoder.determineType(value);
				scratch.writeByte(type);
				BsonEncoder.encodeValue(type, value, scratch);
			}
		}
		buff.putVarInt(key.size());
		buff.put(scratch.array(), scratch.arrayOffset(), scratch.readableBytes());
	}

	@Override
	public KeyValue read(ByteBuffer buff) {
		int size = DataUtils.readVarInt(buff);
		ByteBuf bytes = Unpooled.wrappedBuffer(buff.slice());
		List<Object> values = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			byte type = bytes.readByte();
			values.add((type == MISSING) ? Missing.getInstance() : BsonDecoder.decodeValue(type, bytes));
		}
		buff.position(buff.position() + bytes.readerIndex());
		return new KeyValue(values);
	}

	@Override
	public int getMemory(KeyValue key) {
		int size = 40;
		for (Object value : key) {
			size += 8 + BsonDocumentType.estimate(value);
		}
		return size;
	}

	@Override
	public KeyValue[] createStorage(int size) {
		return new KeyValue[size];
	}

}
