using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Site.Search;

/// <summary>
/// Lower-cases Latin (and other cased) letters, and leaves Han, kana and Hangul alone without asking
/// anyone: they have no case. Lucene.Net's LowerCaseFilter asks the culture's casing for every
/// character, which on Linux is a call into ICU per Han character and a large part of indexing a
/// Chinese site. Same result for every character in the Basic Multilingual Plane.
/// </summary>
public sealed class CaselessLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public CaselessLowerCaseFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        for (int i = 0, length = _term.Length; i < length; i++)
        {
            var c = buffer[i];
            if (c < 0x80)
            {
                if ((uint)(c - 'A') <= 'Z' - 'A')
                {
                    buffer[i] = (char)(c | 0x20);
                }
            }
            else if (!IsCaseless(c))
            {
                buffer[i] = char.ToLowerInvariant(c);
            }
        }

        return true;
    }

    // CJK radicals to Yi (CJK symbols, kana, bopomofo, Han, Yi), Hangul syllables, CJK compatibility
    // ideographs, and surrogates (a pair is left as it is; no Han character outside the BMP has case).
    private static bool IsCaseless(char c) =>
        c is (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uD800' and <= '\uDFFF') or (>= '\uF900' and <= '\uFAFF');
}
