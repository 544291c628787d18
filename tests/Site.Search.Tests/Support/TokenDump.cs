using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Site.Search.Tests.Support;

/// <summary>Every token of a stream as one comparable line (term, offsets, type, position increment and length), then the final offset.</summary>
public static class TokenDump
{
    public static List<string> Of(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var length = stream.AddAttribute<IPositionLengthAttribute>();
            var tokens = new List<string>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add($"{term} {offset.StartOffset}-{offset.EndOffset} {type.Type} +{increment.PositionIncrement} ×{length.PositionLength}");
            }

            stream.End();
            tokens.Add($"end {offset.EndOffset}");
            return tokens;
        }
    }
}
