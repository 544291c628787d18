using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Site.Search;

/// <summary>
/// One pass over every document the text query matches: passes those that satisfy all filters on to
/// the top-hits collector, and counts each facet dimension over the documents that satisfy the
/// *other* dimensions' filters, so a chosen type still shows how many hits the other types have.
/// Counting goes by per-segment ordinals of sorted doc values (no stored fields are read).
/// </summary>
internal sealed class FacetingCollector(ICollector top, IReadOnlyList<(string Field, string? Filter)> dimensions) : ICollector
{
    private readonly Dictionary<string, long>[] _counts = dimensions.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
    private readonly SortedDocValues?[] _values = new SortedDocValues?[dimensions.Count];
    private readonly int[] _filterOrd = new int[dimensions.Count];
    private readonly int[][] _segmentCounts = new int[dimensions.Count][];
    private readonly int[] _ords = new int[dimensions.Count];

    public long Matched { get; private set; }

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
        top.SetNextReader(context);
        for (var d = 0; d < dimensions.Count; d++)
        {
            var values = context.AtomicReader.GetSortedDocValues(dimensions[d].Field);
            _values[d] = values;
            _segmentCounts[d] = new int[values?.ValueCount ?? 0];

            // -1: no filter on this dimension; -2: filtered on a value this segment does not have.
            _filterOrd[d] = dimensions[d].Filter is not { } filter ? -1
                : values is null ? -2
                : Math.Max(values.LookupTerm(new BytesRef(filter)), -2);
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
