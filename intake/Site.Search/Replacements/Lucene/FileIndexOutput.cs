using System.IO.Hashing;
using Lucene.Net.Store;
using Site.Search.Replacements;

namespace Site.Search;

/// <summary>
/// An index file as the build writes it: the bytes Lucene's FSDirectory output writes, buffered the
/// same way, with the CRC-32 of every byte written (the checksum Lucene's codecs put in each file's
/// footer and check when the file is read) taken by System.IO.Hashing's <see cref="Crc32"/>, the same
/// polynomial as Lucene's own CRC32 class, which takes it a byte at a time. Not fsynced on close,
/// as the build's index folder is not at commit either (<see cref="BuildIndexDirectory"/>). With
/// <see cref="LibraryPaths"/> on, the build writes through FSDirectory's output instead;
/// <c>FileIndexOutputTests</c> checks that both write the same bytes and checksums.
/// </summary>
internal sealed class FileIndexOutput : IndexOutput
{
    // Lucene's BufferedIndexOutput.DEFAULT_BUFFER_SIZE.
    private const int BufferSize = 16384;

    private readonly FileStream _file;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly Crc32 _crc = new();
    private int _buffered;
    private long _written;
    private bool _disposed;

    public FileIndexOutput(string path)
    {
        // Buffered here, so the stream writes each full buffer straight to the file.
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
    }

    public override void WriteByte(byte b)
    {
        if (_buffered == BufferSize)
        {
            FlushBuffer();
        }

        _buffer[_buffered++] = b;
    }

    public override void WriteBytes(byte[] b, int offset, int length)
    {
        if (length <= BufferSize - _buffered)
        {
            Buffer.BlockCopy(b, offset, _buffer, _buffered, length);
            _buffered += length;
            return;
        }

        FlushBuffer();
        if (length >= BufferSize)
        {
            Write(b.AsSpan(offset, length));
            return;
        }

        Buffer.BlockCopy(b, offset, _buffer, 0, length);
        _buffered = length;
    }

    public override void Flush() => FlushBuffer();

    public override long Position => _written + _buffered;

    [Obsolete("(4.1) this method will be removed in Lucene 5.0")]
    public override void Seek(long pos)
    {
        FlushBuffer();
        _file.Seek(pos, SeekOrigin.Begin);
        _written = pos;
    }

    public override long Checksum
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            FlushBuffer();
            return _crc.GetCurrentHashAsUInt32();
        }
    }

    /// <summary>What is in the file so far, as FSDirectory's output answers.</summary>
    public override long Length => _file.Length;

    protected override void Dispose(bool disposing)
    {
        if (!disposing || _disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            FlushBuffer();
        }
        finally
        {
            _file.Dispose();
        }
    }

    private void FlushBuffer()
    {
        if (_buffered > 0)
        {
            Write(_buffer.AsSpan(0, _buffered));
            _buffered = 0;
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _crc.Append(bytes);
        _file.Write(bytes);
        _written += bytes.Length;
    }
}
