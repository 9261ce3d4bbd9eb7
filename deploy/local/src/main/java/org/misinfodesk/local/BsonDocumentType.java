package org.misinfodesk.local;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Stores a collection's documents as BSON. H2's default type stores them with Java serialization,
 * which cost the store most of its CPU: every commit re-serialises each document on the pages it
 * touched, class descriptors included. A document BSON cannot hold (none that came over the wire)
 * falls back to the default type, which also reads what older files hold.
 */
final class BsonDocumentType extends BasicDataType<Document> {

	static final BsonDocumentType INSTANCE = new BsonDocumentType();

	/** First byte of a BSON value; H2's own type never starts a value with it. */
	private static final byte BSON = 125;

	private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

	private final ObjectDataType legacy = new ObjectDataType();

	private BsonDocumentType() {
	}

	@Override
	public void write(WriteBuffer buff, Document document) {
		ByteBuf scratch = SCRATCH.get().clear();
		try {
			BsonEncoder.encodeDocument(document, scratch);
		}
		catch (IllegalArgumentException notBson) {
			this.legacy.write(buff, document);
			return;
		}
		buff.put(BSON);
		buff.put(scratch.array(), scratch.arrayOffset(), scratch.readableBytes());
		if (scratch.capacity() > 1 << 20) {
			SCRATCH.remove(); // a rare huge document should not keep its buffer alive per thread
		}
	}

	@Override
	public Document read(ByteBuffer buff) {
		if (buff.get(buff.position()) != BSON) {
			return (Document) this.legacy.read(buff);
		}
		buff.get();
		ByteBuf bytes = Unpooled.wrappedBuffer(buff.slice());
		Document document = BsonDecoder.decodeBson(bytes);
		buff.position(buff.position() + bytes.readerIndex());
		return document;
	}

	@Override
	public int getMemory(Document document) {
		return estimate(document);
	}

	@Override
	public Document[] createStorage(int size) {
		return new Document[size];
	}

	/** Roughly what a decoded value takes on the heap, for H2's cache accounting. */
	static int estimate(Object value) {
		if (value instanceof String text) {
			return 48 + text.length();
		}
		if (value instanceof Map<?, ?> map) {
			int size = 64;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += 40 + estimate(entry.getKey()) + estimate(entry.getValue());
			}
			return size;
		}
		if (value instanceof Collection<?> values) {
			int size = 40;
			for (Object one : values) {
				size += 8 + estimate(one);
			}
			return size;
		}
		return 24;
	}

}
