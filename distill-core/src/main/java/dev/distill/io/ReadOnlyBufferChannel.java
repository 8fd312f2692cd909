package dev.distill.io;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only seekable channel over a buffer (its position 0 to its limit), so archive readers that
 * seek, such as Commons Compress's {@code TarFile}, can read bytes already in memory without a
 * copy.
 */
public final class ReadOnlyBufferChannel implements SeekableByteChannel {
  private final ByteBuffer bytes;
  private long position;
  private boolean open = true;

  public ReadOnlyBufferChannel(ByteBuffer bytes) {
    this.bytes = bytes.duplicate().position(0).slice();
  }

  @Override
  public int read(ByteBuffer dst) throws ClosedChannelException {
    ensureOpen();
    if (position >= bytes.limit()) {
      return -1;
    }
    int n = (int) Math.min(dst.remaining(), bytes.limit() - position);
    dst.put(bytes.duplicate().position((int) position).limit((int) position + n));
    position += n;
    return n;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() throws ClosedChannelException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws ClosedChannelException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws ClosedChannelException {
    ensureOpen();
    return bytes.limit();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
