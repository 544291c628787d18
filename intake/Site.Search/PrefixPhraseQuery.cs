using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Site.Search;

/// <summary>
/// A phrase in which some tokens are lone CJK characters: each of those matches any indexed term it
/// begins (its bigram, or itself where a run of Han text ends), the others match exactly. Rewritten,
/// against the index being searched, into Lucene's <see cref="MultiPhraseQuery"/> with each lone
/// character's terms listed at its position; a phrase with a character the index never starts a term
/// with matches nothing.
/// </summary>
public sealed class PrefixPhraseQuery(string field, IReadOnlyList<ChineseQuery.QueryToken> tokens) : Query
{
    private readonly string _field = field;
    private readonly ChineseQuery.QueryToken[] _tokens = [.. tokens];

    public override Query Rewrite(IndexReader reader)
    {
        var phrase = new MultiPhraseQuery { Boost = Boost };
        var terms = MultiFields.GetTerms(reader, _field);
        foreach (var token in _tokens)
        {
            var expanded = token.IsLoneCjk ? StartingWith(terms, token.Term) : [new Term(_field, token.Term)];
            if (expanded.Length == 0)
            {
                return new BooleanQuery { Boost = Boost };
            }

            phrase.Add(expanded, token.Position);
        }

        return phrase;
    }

    private Term[] StartingWith(Terms? terms, string prefix)
    {
        if (terms is null)
        {
            return [];
        }

        var start = new BytesRef(prefix);
        var found = new List<Term>();
        var e = terms.GetEnumerator();
        if (e.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        do
        {
            var term = e.Term;
            if (!StringHelper.StartsWith(term, start))
            {
                break;
            }

            found.Add(new Term(_field, BytesRef.DeepCopyOf(term)));
        }
        while (e.MoveNext());

        return [.. found];
    }

    public override string ToString(string defaultField) =>
        $"{(defaultField == _field ? "" : _field + ":")}\"{string.Join(" ", _tokens.Select(t => t.IsLoneCjk ? t.Term + "*" : t.Term))}\"{ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is PrefixPhraseQuery other && other._field == _field && other.Boost == Boost && other._tokens.SequenceEqual(_tokens);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_field);
        hash.Add(Boost);
        foreach (var token in _tokens)
        {
            hash.Add(token);
        }

        return hash.ToHashCode();
    }
}
