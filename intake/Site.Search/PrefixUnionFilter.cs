using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Site.Search;

/// <summary>
/// The documents having any term that starts with a prefix (a lone CJK character: every bigram it
/// begins, <see cref="ChineseQuery"/>), as Lucene's PrefixQuery matches them with a constant score,
/// but read a window of documents at a time. Lucene's filter rewrite reads every posting of every
/// such term for the whole segment before the first hit; the search stops after a sample of its
/// matches (<see cref="FacetingCollector"/>), so for a common character most of that was never used.
/// </summary>
public sealed class PrefixUnionFilter(Term prefix) : Filter
{
    /// <summary>The documents of the first window; each next window is twice as wide, up to <see cref="MaxWindow"/>.</summary>
    public const int FirstWindow = 4096;

    public const int MaxWindow = 65536;

    public Term Prefix { get; } = prefix;

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var terms = context.AtomicReader.GetTerms(Prefix.Field);
        if (terms is null)
        {
            return null;
        }

        var termsEnum = terms.GetEnumerator();
        var start = Prefix.Bytes;
        if (termsEnum.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return null;
        }

        var found = new List<(BytesRef Term, TermState State)>();
        do
        {
            if (!StringHelper.StartsWith(termsEnum.Term, start))
            {
                break;
            }

            found.Add((BytesRef.DeepCopyOf(termsEnum.Term), termsEnum.GetTermState()));
        }
        while (termsEnum.MoveNext());

        return found.Count == 0 ? null : new Union(terms, found, acceptDocs, context.AtomicReader.MaxDoc);
    }

    public override string ToString() => Prefix.Field + ":" + Prefix.Text + "*";

    public override bool Equals(object? obj) => obj is PrefixUnionFilter other && other.Prefix.Equals(Prefix);

    public override int GetHashCode() => Prefix.GetHashCode();

    /// <summary>Each iterator seeks with its own terms enumerator, so two iterators of one set never share a position.</summary>
    private sealed class Union(Terms segmentTerms, List<(BytesRef Term, TermState State)> terms, IBits? acceptDocs, int maxDoc) : DocIdSet
    {
        public override DocIdSetIterator GetIterator() => new Iterator(segmentTerms.GetEnumerator(), terms, acceptDocs, maxDoc);
    }

    /// <summary>
    /// Fills a bit set for one window of documents from every term's postings, then walks it. Each
    /// term remembers its first document past the window, so a window it has nothing in costs it nothing.
    /// </summary>
    private sealed class Iterator : DocIdSetIterator
    {
        private readonly TermsEnum _termsEnum;
        private readonly List<(BytesRef Term, TermState State)> _terms;
        private readonly IBits? _acceptDocs;
        private readonly int _maxDoc;
        private readonly int[] _next;
        private readonly FixedBitSet _window = new(MaxWindow);
        private DocsEnum? _docs;
        private int _windowStart;
        private int _windowEnd;
        private int _width = FirstWindow;
        private int _doc = -1;

        public Iterator(TermsEnum termsEnum, List<(BytesRef Term, TermState State)> terms, IBits? acceptDocs, int maxDoc)
        {
            _termsEnum = termsEnum;
            _terms = terms;
            _acceptDocs = acceptDocs;
            _maxDoc = maxDoc;
            _next = new int[terms.Count];
        }

        public override int DocID => _doc;

        public override long GetCost() => _maxDoc;

        public override int NextDoc() => Advance(_doc + 1);

        public override int Advance(int target)
        {
            while (target < _maxDoc)
            {
                if (target >= _windowEnd)
                {
                    Fill(target);
                }

                var bit = _window.NextSetBit(target - _windowStart);
                if (bit >= 0 && _windowStart + bit < _windowEnd)
                {
                    return _doc = _windowStart + bit;
                }

                target = _windowEnd;
            }

            return _doc = NO_MORE_DOCS;
        }

        private void Fill(int start)
        {
            _window.Clear(0, MaxWindow);
            _windowStart = start;
            _windowEnd = (int)Math.Min(_maxDoc, (long)start + _width);
            _width = Math.Min(MaxWindow, _width * 2);
            for (var i = 0; i < _terms.Count; i++)
            {
                if (_next[i] >= _windowEnd)
                {
                    continue;
                }

                _termsEnum.SeekExact(_terms[i].Term, _terms[i].State);
                _docs = _termsEnum.Docs(_acceptDocs, _docs, DocsFlags.NONE);
                var doc = _docs.Advance(Math.Max(start, _next[i]));
                while (doc < _windowEnd)
                {
                    _window.Set(doc - _windowStart);
                    doc = _docs.NextDoc();
                }

                _next[i] = doc;
            }
        }
    }
}
