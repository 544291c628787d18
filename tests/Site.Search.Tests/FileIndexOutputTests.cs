using Lucene.Net.Codecs;
using Lucene.Net.Store;

namespace Site.Search.Tests;

/// <summary>
/// <see cref="FileIndexOutput"/> writes the bytes and checksums FSDirectory's own output writes, for
/// every way Lucene writes to a file: single bytes, short and long runs (across and beyond the
/// buffer), checksums asked for midway and the codec footer that holds the last one.
/// </summary>
public sealed class FileIndexOutputTests : IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("output-test-").FullName;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void EveryFile_IsTheLibrarysOutput_ByteForByte(int seed)
    {
        using var library = FSDirectory.Open(Path.Combine(_root, "library"));
        var ours = Path.Combine(_root, "ours");
        System.IO.Directory.CreateDirectory(ours);
        var name = $"file{seed}";

        var libraryChecksums = new List<long>();
        var ourChecksums = new List<long>();
        using (var output = library.CreateOutput(name, IOContext.DEFAULT))
        {
            Write(output, new Random(seed), libraryChecksums);
        }

        using (var output = new FileIndexOutput(Path.Combine(ours, name)))
        {
            Write(output, new Random(seed), ourChecksums);
        }

        Assert.Equal(libraryChecksums, ourChecksums);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "library", name)), File.ReadAllBytes(Path.Combine(ours, name)));

        // And Lucene reads our file back with its footer's checksum intact.
        using var directory = FSDirectory.Open(ours);
        using var input = directory.OpenChecksumInput(name, IOContext.READ_ONCE);
        CodecUtil.CheckHeader(input, "FileIndexOutputTests", 0, 0);
        input.Seek(input.Length - CodecUtil.FooterLength());
        CodecUtil.CheckFooter(input);
    }

    /// <summary>A random mix of writes of every size, the same for a seed, ending in Lucene's footer.</summary>
    private static void Write(IndexOutput output, Random random, List<long> checksums)
    {
        CodecUtil.WriteHeader(output, "FileIndexOutputTests", 0);
        var bytes = new byte[70_000];
        random.NextBytes(bytes);
        for (var step = 0; step < 400; step++)
        {
            switch (random.Next(6))
            {
                case 0:
                    output.WriteByte(bytes[step]);
                    break;
                case 1:
                    output.WriteVInt64(random.NextInt64());
                    break;
                case 2:
                    output.WriteBytes(bytes, random.Next(100), random.Next(1, 200));
                    break;
                case 3:
                    // Runs near, at and beyond the 16 KiB buffer.
                    var length = random.Next(3) switch { 0 => 16384, 1 => random.Next(16000, 17000), _ => random.Next(17000, 60000) };
                    output.WriteBytes(bytes, random.Next(1000), length);
                    break;
                case 4:
                    checksums.Add(output.Position);
                    checksums.Add(output.Checksum);
                    break;
                default:
                    output.WriteString("代表联络站" + step);
                    break;
            }
        }

        CodecUtil.WriteFooter(output);
        checksums.Add(output.Position);
    }

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);
}
