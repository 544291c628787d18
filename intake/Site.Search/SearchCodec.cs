using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene40;
using Lucene.Net.Codecs.Lucene46;

namespace Site.Search;

/// <summary>
/// Lucene 4.6's codec with stored fields kept uncompressed. The default compresses stored fields in
/// LZ4 chunks of many documents: the build paid for compressing every body, and every snippet paid
/// for decompressing a whole chunk to read one body. Uncompressed, builds and queries with snippets
/// are faster for a somewhat larger index (figures: BENCHMARKS.md, `build` and `search`).
/// </summary>
/// <remarks>
/// Each segment records the name of the codec that wrote it, and Lucene looks that name up when the
/// segment is opened, so the codec is registered (<see cref="Registered"/>) before the writer or the
/// endpoint opens an index. Segments written by the plain Lucene 4.6 codec before stay readable, and
/// an update of such an index writes its new segments with this one.
/// </remarks>
[CodecName(CodecName)]
public sealed class SearchCodec() : FilterCodec(new Lucene46Codec())
{
    public const string CodecName = "SiteSearch46";

    private static readonly Lazy<SearchCodec> Registration = new(() =>
    {
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(SearchCodec)] });
        return (SearchCodec)Codec.ForName(CodecName);
    });

    /// <summary>The codec, once Lucene can find it by name.</summary>
    public static SearchCodec Registered => Registration.Value;

    public override StoredFieldsFormat StoredFieldsFormat { get; } = new Lucene40StoredFieldsFormat();
}
