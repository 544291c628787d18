using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Site.Search;

/// <summary>
/// One pass over every document the text query matches: passes those that satisfy all filters on to
/// the top-hits collector, and counts each facet dimension over the documents that satisfy the
/// *other* dimensions' filters, so a chosen type still shows how many hits the other types have.
/// Counting goes by per-segment ordinals of sorted doc values (no stored fields are read).
/// <para>
/// A fragment such as 代表 matches most of a large index, and scoring and counting every match is
/// what made such queries slow. So collection stops after <see cref="SampleSize"/> matches, or, once
/// it has <see cref="MinimumSample"/>, after <see cref="SampleSpan"/> documents of the index (a phrase
/// of common bigrams, such as 对人大代表, costs more per document looked at than per match). The
/// documents seen until then (the first part of the index, in document order, which the build fills in
/// no meaningful order) are a sample, and totals and facet counts are scaled up from it.
/// </para>
/// </summary>
internal sealed class FacetingCollector(ICollector top, IReadOnlyList<(string Field, string? Filter)> dimensions) : ICollector
{
    /// <summary>Matches scored and counted before totals become estimates.</summary>
    public const int SampleSize = 10_000;

    /// <summary>
    /// How much of the index a sample of at least <see cref="MinimumSample"/> matches may cover. Twice as
    /// much made a common phrase's query at 1,000,000 documents miss the p99 aim; the estimates' error
    /// this costs is in BENCHMARKS.md.
    /// </summary>
    public const int SampleSpan = 50_000;

    public const int MinimumSample = 1_000;

    private readonly Dictionary<string, long>[] _counts = dimensions.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
    private readonly SortedDocValues?[] _values = new SortedDocValues?[dimensions.Count];
    private readonly int[] _filterOrd = new int[dimensions.Count];
    private readonly int[][] _segmentCounts = new int[dimensions.Count][];
    private readonly int[] _ords = new int[dimensions.Count];
    private int _docBase;
    private int _examined;

    /// <summary>Matches that passed every filter (and went to the top-hits collector).</summary>
    public long Matched { get; private set; }

    /// <summary>Set once the sample is full: how many documents (from the first) collection covered.</summary>
    public int? StoppedAt { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public IReadOnlyDictionary<string, long> Counts(int dimension)
    {
        Flush();
        return _counts[dimension];
    }

    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _docBase = context.DocBase;
        top.SetNextReader(context);
        for (var d = 0; d < dimensions.Count; d++)
        {
            var values = context.AtomicReader.GetSortedDocValues(dimensions[d].Field);
            _values[d] = values;
            _segmentCounts[d] = new int[values?.ValueCount ?? 0];

            // -1: no filter on this dimension; -2: filtered on a value this segment does not have
            // (LookupTerm then answers with a negative insertion point, which may well be -1).
            _filterOrd[d] = dimensions[d].Filter is not { } filter ? -1
                : values?.LookupTerm(new BytesRef(filter)) is >= 0 and var ord ? ord
                : -2;
        }
    }

    public void Collect(int doc)
    {
        var failed = 0;
        var failedDimension = -1;
        for (var d = 0; d < dimensions.Count; d++)
        {
            _ords[d] = _values[d]?.GetOrd(doc) ?? -1;
            if (_filterOrd[d] != -1 && _ords[d] != _filterOrd[d])
            {
                failed++;
                failedDimension = d;
            }
        }

        if (failed > 1)
        {
            return;
        }

        for (var d = 0; d < dimensions.Count; d++)
        {
            // Count dimension d if every other dimension's filter passes.
            if ((failed == 0 || failedDimension == d) && _ords[d] >= 0)
            {
                _segmentCounts[d][_ords[d]]++;
            }
        }

        if (failed == 0)
        {
            Matched++;
            top.Collect(doc);
        }

        ++_examined;
        if (_examined >= SampleSize || (_examined >= MinimumSample && _docBase + doc >= SampleSpan))
        {
            StoppedAt = _docBase + doc + 1;
            throw new CollectionTerminatedException();
        }
    }

    private void Flush()
    {
        var term = new BytesRef();
        for (var d = 0; d < dimensions.Count; d++)
        {
            var counts = _segmentCounts[d];
            if (counts is null || _values[d] is not { } values)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }

                values.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _counts[d][key] = _counts[d].GetValueOrDefault(key) + counts[ord];
                counts[ord] = 0;
            }
        }
    }
}
